import type { Metadata } from 'next';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { TextAreaField } from '@/components/form-controls';
import { Field } from '@/components/field';
import {
  findLatestSubmission,
  whyContractTakesNoSubmission,
  whyNotSubmittable,
} from '@/lib/milestones/submission';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENTS } from '@/lib/files/attachment-limits';
import { readSubmissionDraft } from '@/lib/milestones/submission-drafts';
import { MAX_MESSAGE_LENGTH, MAX_SUBMISSION_LINKS } from '@/lib/milestones/submission-schemas';
import { loadMilestoneWork, type MilestoneParams } from '../load-milestone-work';
import { MilestoneWorkSummary } from '../milestone-work-summary';

export const metadata: Metadata = { title: 'Submit the work', robots: { index: false } };

type Search = { searchParams: Promise<Record<string, string | undefined>> };

const PROBLEMS: Record<string, string> = {
  'too-large': `The upload was too large. Each file may be up to 25 MB, ${MAX_ATTACHMENTS} files at most.`,
  unreadable: 'We could not read the upload. Choose the files again and resubmit.',
  unknown: "We couldn't find this milestone.",
};

/** The freelancer submits (or resubmits) a funded milestone: message, links, files. */
export default async function SubmitMilestonePage(props: MilestoneParams & Search) {
  const { db, viewer, work } = await loadMilestoneWork(props);
  const query = await props.searchParams;
  const status = work.state?.status ?? 'unfunded';
  const closed = whyContractTakesNoSubmission(work.contract, work.state);
  const open =
    work.side === 'freelancer' &&
    !closed &&
    (status === 'funded' || status === 'changes_requested');
  const whyNot = (closed ?? whyNotSubmittable(work.state)).message;
  const latest = await findLatestSubmission(db, work.milestone.id);
  const action = `/contracts/${work.contract.id}/milestones/${work.milestone.id}/submit/upload`;
  const fields = (query.fields ?? '').split(',').filter(Boolean);
  // After a refusal, what the freelancer typed (their own draft of this milestone, only read:
  // a reload shows it again; the successful submission discards it).
  const typed =
    query.error === 'invalid' && open && work.side === 'freelancer'
      ? await readSubmissionDraft(db, viewer.user.id, work.milestone.id)
      : undefined;
  const badFiles = (query.files ?? '').split('|').filter(Boolean);
  return (
    <>
      <MilestoneWorkSummary work={work} title="Submit the work" />
      {query.notice === 'submitted' && (
        <Notice tone="success" announce>
          Submitted. The client has been emailed; without an answer in 14 days it is approved
          automatically.
        </Notice>
      )}
      {query.error === 'state' && (
        <Notice tone="danger" announce title="Your submission was not saved">
          {whyNot}
        </Notice>
      )}
      {query.error && PROBLEMS[query.error] && (
        <Notice tone="danger" announce>
          {PROBLEMS[query.error]}
        </Notice>
      )}
      {query.error === 'invalid' && (
        <Notice tone="danger" announce title="Your submission was not saved">
          {fields.includes('message') && <p>Describe the work you are submitting.</p>}
          {fields.includes('links') && (
            <p>Links must be full https:// addresses, {MAX_SUBMISSION_LINKS} at most.</p>
          )}
          {badFiles.includes('too-many') && <p>Attach at most {MAX_ATTACHMENTS} files.</p>}
          {badFiles
            .filter((f) => f !== 'too-many')
            .map((f) => (
              <p key={f}>
                {f}: not accepted. Files must be PDF, PNG, JPEG or ZIP (we check the content, not
                the name), up to 25 MB each.
              </p>
            ))}
          {typed && <p>What you typed is kept below, but not the files: choose them again.</p>}
        </Notice>
      )}
      {work.side !== 'freelancer' ? (
        <p>Only the freelancer on this contract submits its work.</p>
      ) : !open ? (
        <p>{status === 'submitted' ? 'Submitted and waiting for the client’s review.' : whyNot}</p>
      ) : (
        <Card>
          <form action={action} method="post" encType="multipart/form-data">
            {status === 'changes_requested' && latest && (
              <p className="hint">The client asked for changes: this is your resubmission.</p>
            )}
            <TextAreaField
              name="message"
              label="Message to the client"
              required
              maxLength={MAX_MESSAGE_LENGTH}
              rows={6}
              defaultValue={typed?.message}
              errors={
                fields.includes('message') ? ['Describe the work you are submitting.'] : undefined
              }
            />
            <TextAreaField
              name="links"
              label="Links (optional)"
              hint={`Full https:// addresses, one a line, up to ${MAX_SUBMISSION_LINKS}.`}
              rows={3}
              defaultValue={typed?.links}
              errors={fields.includes('links') ? ['Use https:// addresses only.'] : undefined}
            />
            <Field
              name="files"
              type="file"
              label="Files (optional)"
              hint={`PDF, PNG, JPEG or ZIP, up to 25 MB each, ${MAX_ATTACHMENTS} at most. Only the client and ops can open them.`}
              accept={ATTACHMENT_ACCEPT}
              multiple
            />
            <Button type="submit">Submit the work</Button>
          </form>
        </Card>
      )}
    </>
  );
}
