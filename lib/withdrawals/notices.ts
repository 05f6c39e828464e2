import { createElement } from 'react';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { freelancerProfiles, payoutMethods, users } from '@/db/schema';
import MoneyNoticeEmail from '@/emails/money-notice';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import { formatMoney } from '@/lib/money/money';
import { methodTitle } from '@/lib/payouts/present';
import type { WithdrawalRow } from './queries';

export const WITHDRAWAL_NOTICE_SUBJECTS = {
  requested: 'Your withdrawal is on its way',
  paid: 'Your withdrawal was paid',
} as const;

/**
 * The notice of a withdrawal requested or paid (issue 17.6), sent inside the transaction
 * that makes it true (recordWithdrawal, the paid branch of applyPayoutState). The returned
 * one is its own template (withdrawal-returned, with a retry button).
 */
export async function sendWithdrawalNotice(
  tx: Tx,
  row: WithdrawalRow,
  step: keyof typeof WITHDRAWAL_NOTICE_SUBJECTS,
) {
  const [who] = await tx
    .select({ email: users.email, firstName: freelancerProfiles.firstName, method: payoutMethods })
    .from(users)
    .innerJoin(payoutMethods, eq(payoutMethods.id, row.payoutMethodId))
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
    .where(eq(users.id, row.freelancerId));
  if (!who) return;
  const what = `${formatMoney(row.amountCents, row.currency)} to ${methodTitle(who.method)}`;
  const automatic = row.idempotencyKey.startsWith('schedule:');
  const paragraphs =
    step === 'requested'
      ? [
          `${automatic ? 'Your withdrawal schedule withdrew' : 'You withdrew'} ${what}; the fee was ${formatMoney(row.feeCents, row.currency)}.`,
          'It usually arrives within minutes. If it fails, the money comes back to your available balance and we email you.',
        ]
      : [`${what} was paid. It may take the bank or service a little longer to show it.`];
  const subject = WITHDRAWAL_NOTICE_SUBJECTS[step];
  await sendEmail(tx, {
    to: who.email,
    subject,
    template: `withdrawal-${step}`,
    element: createElement(MoneyNoticeEmail, {
      firstName: who.firstName ?? '',
      heading: subject,
      paragraphs: [
        ...paragraphs,
        'If you did not ask for this, write to support and sign out of every device.',
      ],
      actionLabel: 'Open this withdrawal',
      url: new URL(`/earnings/withdrawals/${row.id}`, getEnv().APP_URL).toString(),
    }),
  });
}
