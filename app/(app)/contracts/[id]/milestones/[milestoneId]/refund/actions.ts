'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { answerRefundRequest, requestMilestoneRefund } from '@/lib/milestones/refunds';
import { refundAnswerSchema, refundRequestSchema } from '@/lib/milestones/submission-schemas';
import { contractViewerOf } from '@/lib/milestones/work-state';
import { selectPaymentProvider } from '@/lib/payments/select';

const refundPage = (contractId: string, milestoneId: string, notice: string) =>
  `/contracts/${contractId}/milestones/${milestoneId}/refund?notice=${notice}`;

/** The client asks for a funded, unsubmitted milestone's money back. */
export const requestRefundAction = defineAction({
  actor: 'client',
  schema: refundRequestSchema,
  async handler({ contractId, milestoneId, message }, { db, actor, ip }) {
    const result = await requestMilestoneRefund(db, {
      contractId,
      milestoneId,
      message,
      viewer: contractViewerOf(actor.viewer),
      ip,
    });
    if (!result.ok) return { ok: false, message: result.message };
    redirect(refundPage(contractId, milestoneId, 'requested'));
  },
});

/** The freelancer agrees (the client is refunded) or refuses (ops decides). */
export const answerRefundAction = defineAction({
  actor: 'freelancer',
  schema: refundAnswerSchema,
  async handler({ contractId, milestoneId, answer, message }, { db, actor, ip }) {
    const result = await answerRefundRequest(db, selectPaymentProvider(db), {
      contractId,
      milestoneId,
      answer,
      message,
      viewer: contractViewerOf(actor.viewer),
      ip,
    });
    if (!result.ok) return { ok: false, message: result.message };
    redirect(refundPage(contractId, milestoneId, answer === 'agree' ? 'refunded' : 'refused'));
  },
});
