import type { DbOrTx } from '@/db/client';
import {
  discardFormDraft,
  keepTypedText,
  readFormDraft,
  type DraftFields,
} from '@/lib/form-drafts/service';
import { MAX_MESSAGE_LENGTH, MAX_SUBMISSION_LINKS } from './submission-schemas';

const FORM = 'milestone-submission';
/** The message and the links (each address up to 2,000 characters, one a line); never files. */
const SUBMISSION_DRAFT_LIMITS = {
  message: MAX_MESSAGE_LENGTH,
  links: MAX_SUBMISSION_LINKS * 2_001,
};

/**
 * A submission refused without JavaScript (the form is a plain multipart post to a route
 * handler): its text waits for the submit page (lib/form-drafts), keyed to the freelancer
 * and the milestone.
 */
export async function keepSubmissionDraft(
  db: DbOrTx,
  freelancerId: string,
  milestoneId: string,
  form: FormData,
): Promise<void> {
  await keepTypedText(
    db,
    { userId: freelancerId, form: FORM, subjectId: milestoneId },
    form,
    SUBMISSION_DRAFT_LIMITS,
  );
}

/** The freelancer's own refused text for this milestone, left in place; undefined if none. */
export function readSubmissionDraft(
  db: DbOrTx,
  freelancerId: string,
  milestoneId: string,
): Promise<DraftFields | undefined> {
  return readFormDraft(db, { userId: freelancerId, form: FORM, subjectId: milestoneId });
}

/** The milestone's work was submitted: its refused text has nothing left to wait for. */
export function discardSubmissionDraft(
  tx: DbOrTx,
  freelancerId: string,
  milestoneId: string,
): Promise<void> {
  return discardFormDraft(tx, { userId: freelancerId, form: FORM, subjectId: milestoneId });
}
