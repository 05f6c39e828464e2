'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { chargeRefusal } from '@/lib/billing/refusal';
import { fundMilestone } from '@/lib/milestones/funding';
import { milestonePath } from '@/lib/milestones/notices';
import { fundMilestoneSchema } from '@/lib/milestones/schemas';
import { selectPaymentProvider } from '@/lib/payments/select';
import { chargeHooks } from '@/lib/server/jobs';

/**
 * "Fund this milestone": the client's default card is charged into the contract's escrow.
 * The contract and milestone ids are checked against the caller's workspace in the service.
 */
export const fundMilestoneAction = defineAction({
  actor: 'client',
  schema: fundMilestoneSchema,
  async handler({ contractId, milestoneId, amount }, { db, actor }) {
    const result = await fundMilestone(
      db,
      selectPaymentProvider(db),
      chargeHooks(),
      { userId: actor.userId, workspaceId: actor.inviter.workspaceId, ip: actor.ip },
      { contractId, milestoneId, amountCents: amount },
    );
    if (!result.ok) {
      return result.reason === 'amount-fixed'
        ? { ok: false, message: result.message, fieldErrors: { amount: [result.message] } }
        : chargeRefusal(result);
    }
    redirect(`${milestonePath(contractId, milestoneId)}?notice=${result.status}`);
  },
});
