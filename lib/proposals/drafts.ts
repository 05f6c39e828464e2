import type { DbOrTx } from '@/db/client';
import {
  discardFormDraft,
  keepTypedText,
  readFormDraft,
  type DraftFields,
  type DraftLimits,
} from '@/lib/form-drafts/service';
import { JOB_LIMITS } from '@/lib/job-posts/schemas';
import { PROPOSAL_LIMITS } from './schemas';

const FORM = 'proposal';
/** Amounts, the bid's shape and the duration: a few characters each, room to spare. */
const SHORT = 40;

/** Every text field of the proposal form, with the most of it kept; never the files. */
const PROPOSAL_DRAFT_LIMITS: DraftLimits = Object.fromEntries([
  ['coverLetter', PROPOSAL_LIMITS.coverLetter],
  ...Array.from({ length: JOB_LIMITS.questionsMax }, (_, i) => [
    `answers.${i}`,
    PROPOSAL_LIMITS.answer,
  ]),
  ['bidShape', SHORT],
  ['hourlyRateDollars', SHORT],
  ['bidDollars', SHORT],
  ...Array.from({ length: PROPOSAL_LIMITS.milestones }, (_, i) => [
    [`milestones.${i}.description`, PROPOSAL_LIMITS.milestoneDescription],
    [`milestones.${i}.amountDollars`, SHORT],
  ]).flat(),
  ['estimatedDuration', SHORT],
]);

/**
 * A proposal refused without JavaScript: its text waits for the form the route sends the
 * freelancer back to (lib/form-drafts), keyed to them and the job.
 */
export async function keepProposalDraft(
  db: DbOrTx,
  freelancerId: string,
  jobPostId: string,
  form: FormData,
): Promise<void> {
  await keepTypedText(
    db,
    { userId: freelancerId, form: FORM, subjectId: jobPostId },
    form,
    PROPOSAL_DRAFT_LIMITS,
  );
}

/** The freelancer's own refused text for this job, left in place; undefined when there is none. */
export function readProposalDraft(
  db: DbOrTx,
  freelancerId: string,
  jobPostId: string,
): Promise<DraftFields | undefined> {
  return readFormDraft(db, { userId: freelancerId, form: FORM, subjectId: jobPostId });
}

/** The proposal to this job was sent: its refused text has nothing left to wait for. */
export function discardProposalDraft(
  tx: DbOrTx,
  freelancerId: string,
  jobPostId: string,
): Promise<void> {
  return discardFormDraft(tx, { userId: freelancerId, form: FORM, subjectId: jobPostId });
}
