import { createElement } from 'react';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { freelancerProfiles, payoutMethods, users } from '@/db/schema';
import MoneyNoticeEmail from '@/emails/money-notice';
import { formatLongDate } from '@/lib/dates/format';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import { formatMoney } from '@/lib/money/money';
import { methodTitle } from '@/lib/payouts/present';
import type { WithdrawalRow } from './queries';

type Notice = 'requested' | 'paid';

const SUBJECTS: Record<Notice, string> = {
  requested: 'Your withdrawal is on its way',
  paid: 'Your withdrawal was paid',
};

/**
 * The freelancer's notice for a withdrawal requested or paid (issue 17.6), written to the
 * outbox inside the transaction that records it, so a rolled-back request sends nothing.
 */
export async function notifyWithdrawal(tx: Tx, row: WithdrawalRow, notice: Notice) {
  const [who] = await tx
    .select({ email: users.email, firstName: freelancerProfiles.firstName, method: payoutMethods })
    .from(users)
    .innerJoin(payoutMethods, eq(payoutMethods.id, row.payoutMethodId))
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
    .where(eq(users.id, row.freelancerId));
  const what = `${formatMoney(row.amountCents, row.currency)} to ${methodTitle(who.method)}`;
  const paragraphs =
    notice === 'requested'
      ? [
          `We started your withdrawal of ${what} on ${formatLongDate(row.requestedAt)}.`,
          row.feeCents > 0
            ? `The method's fee of ${formatMoney(row.feeCents, row.currency)} was taken from your available balance beside it.`
            : 'This method has no fee.',
          'If you did not ask for this, change your password and contact support.',
        ]
      : [
          `Your withdrawal of ${what} was paid on ${formatLongDate(row.paidAt ?? row.requestedAt)}.`,
        ];
  await sendEmail(tx, {
    to: who.email,
    subject: SUBJECTS[notice],
    template: `withdrawal-${notice}`,
    element: createElement(MoneyNoticeEmail, {
      firstName: who.firstName ?? '',
      heading: SUBJECTS[notice],
      paragraphs,
      actionLabel: 'See your earnings',
      url: new URL('/earnings/withdraw', getEnv().APP_URL).toString(),
    }),
  });
}
