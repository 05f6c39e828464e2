'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { answerDispute } from '@/lib/hourly/disputes';
import { answerDisputeSchema } from '@/lib/hourly/review-schemas';

/** The freelancer's answer; the service checks the dispute is on their own contract. */
export const answerDisputeAction = defineAction({
  actor: 'freelancer',
  schema: answerDisputeSchema,
  async handler(input, { db, actor, ip }) {
    const result = await answerDispute(db, { ...input, freelancerId: actor.userId, ip });
    if (!result.ok) return result;
    redirect(`/contracts/${result.contractId}/disputes/${input.disputeId}?notice=answered`);
  },
});
