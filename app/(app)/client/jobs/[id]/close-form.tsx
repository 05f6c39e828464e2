'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { RadioGroup } from '@/components/form-controls';
import { SubmitButton } from '@/components/submit-button';
import { closeJobPostAction } from '../actions';

/** Close an open job post, saying whether someone was hired (the close page's one form). */
export function CloseJobPostForm({ jobPostId }: { jobPostId: string }) {
  const [state, close] = useActionState(closeJobPostAction, null);
  return (
    <form action={close} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="jobPostId" value={jobPostId} />
      <RadioGroup
        name="reason"
        legend="Did you hire someone?"
        options={[
          { value: 'hired', label: 'Yes, I hired someone' },
          { value: 'not_hired', label: 'No, I am not hiring for this any more' },
        ]}
        errors={state && !state.ok ? state.fieldErrors.reason : undefined}
      />
      <SubmitButton pendingLabel="Closing…">Close the job post</SubmitButton>
    </form>
  );
}
