'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { RadioGroup } from '@/components/form-controls';
import { SubmitButton } from '@/components/submit-button';
import { closeJobPostAction, publishJobPostAction, reopenJobPostAction } from '../actions';

type Status = 'draft' | 'open' | 'closed' | 'expired';

/** Publish, close (with its reason) or reopen: each a small form that works without JavaScript. */
export function JobActions({ jobPostId, status }: { jobPostId: string; status: Status }) {
  const [publishState, publish] = useActionState(publishJobPostAction, null);
  const [closeState, close] = useActionState(closeJobPostAction, null);
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
        <form action={close} noValidate>
          <FormMessage state={closeState} />
          <input type="hidden" name="jobPostId" value={jobPostId} />
          <RadioGroup
            name="reason"
            legend="Close the post: did you hire someone?"
            options={[
              { value: 'hired', label: 'Yes, I hired someone' },
              { value: 'not_hired', label: 'No, I am not hiring for this any more' },
            ]}
            errors={closeState && !closeState.ok ? closeState.fieldErrors.reason : undefined}
          />
          <SubmitButton pendingLabel="Closing…">Close the job post</SubmitButton>
        </form>
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
