'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { formValues, type FormState } from '@/lib/forms';
import { bidFieldErrors, PROPOSAL_LIMITS, proposalSchema } from '@/lib/proposals/schemas';
import { DUPLICATE_MESSAGE, findOwnProposal, submitProposal } from '@/lib/proposals/service';

/** The no-JavaScript "add another milestone" button, read outside the proposal's schema. */
const MILESTONE_BUTTON = ['intent', 'milestoneRows'];

/** "Add another milestone" posts the form back with one more row, validating nothing yet. */
function addMilestoneRow(formData: FormData): FormState | null {
  if (formData.get('intent') !== 'add-milestone') return null;
  const values = formValues(formData);
  const rows = Number(values.milestoneRows) || 0;
  values.milestoneRows = String(Math.min(PROPOSAL_LIMITS.milestones, rows + 1));
  values.bidShape = 'milestones';
  return { ok: false, message: '', fieldErrors: {}, values };
}

/** Sends the freelancer's proposal to a job; its rules (and who may see the job) are the service's. */
export const submitProposalAction = defineAction({
  actor: 'freelancer',
  schema: proposalSchema,
  extraFields: MILESTONE_BUTTON,
  answerEarly: addMilestoneRow,
  onInvalid: (fieldErrors, { formData }) => ({
    ok: false,
    message: 'Please correct the highlighted fields.',
    fieldErrors: { ...bidFieldErrors(formData), ...fieldErrors },
  }),
  async handler(input, { db, actor }) {
    const result = await submitProposal(db, { freelancerId: actor.userId, input });
    if (result.ok) redirect(`/proposals/${result.proposalId}?notice=sent`);
    if (result.message !== DUPLICATE_MESSAGE) return result;
    const existing = await findOwnProposal(db, input.jobPostId, actor.userId);
    return existing
      ? { ...result, link: { href: `/proposals/${existing.id}`, label: 'View your proposal' } }
      : result;
  },
});
