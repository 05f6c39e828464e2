'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { chargeRefusal } from '@/lib/billing/refusal';
import { payBonus } from '@/lib/milestones/bonus';
import { payBonusSchema } from '@/lib/milestones/schemas';
import { selectPaymentProvider } from '@/lib/payments/select';
import { chargeHooks } from '@/lib/server/jobs';

/**
 * The confirmed bonus: the contract is checked against the caller's workspace in the
 * service; the confirmation's request id makes a second post of it pay nothing more.
 */
export const payBonusAction = defineAction({
  actor: 'client',
  schema: payBonusSchema,
  async handler({ contractId, requestId, amount, message }, { db, actor }) {
    const result = await payBonus(
      db,
      selectPaymentProvider(db),
      chargeHooks(),
      { userId: actor.userId, workspaceId: actor.inviter.workspaceId, ip: actor.ip },
      { contractId, requestId, amountCents: amount, message },
    );
    if (!result.ok) {
      return chargeRefusal(result);
    }
    redirect(`/contracts/${contractId}/bonus?notice=${result.status}`);
  },
});
