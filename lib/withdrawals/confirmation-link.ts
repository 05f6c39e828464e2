import { createElement } from 'react';
import { z } from 'zod';
import type { Db } from '@/db/client';
import ConfirmWithdrawalEmail, { confirmWithdrawalSubject } from '@/emails/confirm-withdrawal';
import { confirmationUrl, createPendingConfirmation } from '@/lib/accounts/confirmations';
import type { Actor } from '@/lib/accounts/recent-sign-in';
import { sendEmail } from '@/lib/email/outbox';
import { formatMoney } from '@/lib/money/money';
import { methodTitle } from '@/lib/payouts/present';
import type { PayoutMethodRow } from '@/lib/payouts/queries';

/** Where the emailed link of a withdrawal opens (a GET page that changes nothing). */
export const WITHDRAWAL_CONFIRM_PATH = '/earnings/withdraw/confirm';

export const CONFIRMATION_SENT_MESSAGE =
  'We emailed you a link to confirm this withdrawal. Nothing has left your balance yet.';

/**
 * Exactly the withdrawal that was asked for: method, amount, the fee at that moment and the
 * confirmation form's key (so the link, used twice, is still one withdrawal).
 */
export const withdrawalPayloadSchema = z.object({
  payoutMethodId: z.uuid(),
  amountCents: z.number().int().positive(),
  feeCents: z.number().int().nonnegative(),
  idempotencyKey: z.string().min(1),
});
export type WithdrawalPayload = z.infer<typeof withdrawalPayloadSchema>;

/**
 * A withdrawal asked for with a sign-in older than 30 minutes waits for the link emailed to
 * the account address (as payout changes do); the pending row and the email are one
 * transaction, so there is never a link without its email or the reverse.
 */
export async function askToConfirmWithdrawal(
  db: Db,
  actor: Actor,
  method: PayoutMethodRow,
  payload: WithdrawalPayload,
) {
  return db.transaction(async (tx) => {
    const { token, expiresAt } = await createPendingConfirmation(tx, {
      userId: actor.userId,
      action: 'withdrawal.request',
      payload: withdrawalPayloadSchema.parse(payload),
    });
    await sendEmail(tx, {
      to: actor.email,
      subject: confirmWithdrawalSubject,
      template: 'withdrawal-confirm',
      containsSecret: true,
      element: createElement(ConfirmWithdrawalEmail, {
        withdrawal: `${formatMoney(payload.amountCents)} to ${methodTitle(method)}`,
        fee: formatMoney(payload.feeCents),
        url: confirmationUrl(token, WITHDRAWAL_CONFIRM_PATH),
        expiresAt,
      }),
    });
    return {
      ok: false as const,
      reason: 'confirmation-sent' as const,
      message: CONFIRMATION_SENT_MESSAGE,
      expiresAt,
    };
  });
}
