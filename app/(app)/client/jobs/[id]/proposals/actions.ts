'use server';

import { redirect } from 'next/navigation';
import { defineAction, type Refusal } from '@/lib/actions/define-action';
import { addMilestoneRow, MILESTONE_BUTTON } from '@/lib/invites/milestone-rows';
import { declineProposal, moveProposal } from '@/lib/proposals/client';
import {
  declineProposalSchema,
  moveProposalSchema,
  offerFromProposalSchema,
} from '@/lib/proposals/client-schemas';
import { sendOfferFromProposal } from '@/lib/proposals/offer';

const NOT_FOUND: Refusal = { ok: false, message: 'We could not find that proposal.' };

const proposalPage = (jobPostId: string, proposalId: string, notice: string) =>
  `/client/jobs/${jobPostId}/proposals/${proposalId}?notice=${notice}`;

const NOTICE_OF_MOVE = { shortlist: 'shortlisted', archive: 'archived', unarchive: 'unarchived' };

/** Shortlist, archive or unarchive; the job in the redirect is the proposal's own, not the form's. */
export const moveProposalAction = defineAction({
  actor: 'client',
  schema: moveProposalSchema,
  onInvalid: () => NOT_FOUND,
  async handler({ proposalId, move }, { db, actor }) {
    const result = await moveProposal(db, {
      workspaceId: actor.inviter.workspaceId,
      proposalId,
      move,
    });
    if (!result.ok) return { ok: false, message: result.message };
    redirect(proposalPage(result.jobPostId, proposalId, NOTICE_OF_MOVE[move]));
  },
});

export const declineProposalAction = defineAction({
  actor: 'client',
  schema: declineProposalSchema,
  async handler({ proposalId, reason }, { db, actor }) {
    const result = await declineProposal(db, {
      workspaceId: actor.inviter.workspaceId,
      proposalId,
      reason,
    });
    if (!result.ok) return { ok: false, message: result.message };
    redirect(proposalPage(result.jobPostId, proposalId, 'declined'));
  },
});

/** The invite's offer form and schema, sent to the proposal's freelancer as an invite. */
export const sendOfferFromProposalAction = defineAction({
  actor: 'client',
  schema: offerFromProposalSchema,
  extraFields: MILESTONE_BUTTON,
  answerEarly: addMilestoneRow,
  async handler({ proposalId, offer }, { db, actor, ip }) {
    const result = await sendOfferFromProposal(db, {
      inviter: actor.inviter,
      proposalId,
      offer,
      ip,
    });
    if (!result.ok) return { ok: false, message: result.message };
    redirect(`/client/invites/${result.inviteId}?notice=offered`);
  },
});
