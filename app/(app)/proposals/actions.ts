'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { withdrawSchema } from '@/lib/proposals/schemas';
import { withdrawProposal } from '@/lib/proposals/service';

/** Withdraws one of the freelancer's own proposals (anyone else's id is "not found"). */
export const withdrawProposalAction = defineAction({
  actor: 'freelancer',
  schema: withdrawSchema,
  async handler(form, { db, actor }) {
    const result = await withdrawProposal(db, {
      freelancerId: actor.userId,
      proposalId: form.proposalId,
    });
    if (!result.ok) return result;
    redirect(`/proposals/${result.proposalId}?notice=withdrawn`);
  },
});
