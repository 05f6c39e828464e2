'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { decideMilestoneRefund } from '@/lib/milestones/refunds';
import { refundDecisionSchema } from '@/lib/milestones/submission-schemas';
import { contractViewerOf } from '@/lib/milestones/work-state';
import { selectPaymentProvider } from '@/lib/payments/select';

/** Ops decide a refused or unanswered refund request: refund the client or release. */
export const decideRefundAction = defineAction({
  actor: 'reviewer',
  schema: refundDecisionSchema,
  async handler({ contractId, milestoneId, decision, note }, { db, actor, ip }) {
    const result = await decideMilestoneRefund(db, selectPaymentProvider(db), {
      contractId,
      milestoneId,
      decision,
      note,
      viewer: contractViewerOf(actor.viewer),
      ip,
    });
    if (!result.ok) return { ok: false, message: result.message };
    redirect(`/admin/milestone-refunds?notice=${decision === 'refund' ? 'refunded' : 'released'}`);
  },
});
