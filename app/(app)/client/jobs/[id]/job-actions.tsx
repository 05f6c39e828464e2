'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { ConfirmLink } from '@/components/ui/confirm-link';
import { publishJobPostAction, reopenJobPostAction } from '../actions';

type Status = 'draft' | 'open' | 'closed' | 'expired';

/**
 * Publish or reopen (each a small form that works without JavaScript), or the link to the
 * close page, which asks first and takes the reason.
 */
export function JobActions({ jobPostId, status }: { jobPostId: string; status: Status }) {
  const [publishState, publish] = useActionState(publishJobPostAction, null);
  const [reopenState, reopen] = useActionState(reopenJobPostAction, null);
  return (
    <section className="card" aria-labelledby="job-actions-heading">
      <h2 id="job-actions-heading">Actions</h2>
      {status === 'draft' && (
        <form action={publish}>
          <FormMessage state={publishState} />
          <input type="hidden" name="jobPostId" value={jobPostId} />
          <p>Publishing opens the post to freelancers for 30 days.</p>
          <SubmitButton pendingLabel="Publishing…">Publish the job post</SubmitButton>
        </form>
      )}
      {status === 'open' && (
        <>
          <p>Closing stops new proposals; you can reopen the post later.</p>
          <ConfirmLink href={`/client/jobs/${jobPostId}/close`}>Close the job post…</ConfirmLink>
        </>
      )}
      {(status === 'closed' || status === 'expired') && (
        <form action={reopen}>
          <FormMessage state={reopenState} />
          <input type="hidden" name="jobPostId" value={jobPostId} />
          <p>Reopening makes it visible again for a fresh 30 days.</p>
          <SubmitButton pendingLabel="Reopening…">Reopen the job post</SubmitButton>
        </form>
      )}
    </section>
  );
}
