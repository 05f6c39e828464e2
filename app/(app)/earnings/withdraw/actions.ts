'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { selectPayoutProvider } from '@/lib/payments/select';
import { withdrawalSchema } from '@/lib/withdrawals/schemas';
import { requestWithdrawal } from '@/lib/withdrawals/service';

/**
 * The confirmed withdrawal. The method is checked against the session in the service (any
 * other id is "not found"); the confirmation's key makes a second post of it one withdrawal.
 * With a sign-in older than 30 minutes the service emails a link to confirm exactly this
 * withdrawal instead (confirm/), and the page says so.
 */
export const withdrawAction = defineAction({
  actor: 'freelancer',
  schema: withdrawalSchema,
  async handler({ payoutMethodId, amount, idempotencyKey }, { db, actor }) {
    const result = await requestWithdrawal(db, selectPayoutProvider(db), actor, {
      payoutMethodId,
      amountCents: amount,
      idempotencyKey,
    });
    if (!result.ok && result.reason === 'confirmation-sent') {
      redirect('/earnings/withdraw?notice=confirmation-sent');
    }
    if (!result.ok) return { ok: false, message: result.message };
    redirect(
      `/earnings/withdraw?notice=${result.withdrawal.status === 'paid' ? 'paid' : 'requested'}`,
    );
  },
});
