'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { startTimerAction, stopTimerAction } from './actions';

/** Start the timer with a memo: a plain post (it works without JavaScript). */
export function StartTimerForm({ contractId }: { contractId: string }) {
  const [state, action] = useActionState(startTimerAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="contractId" value={contractId} />
      <Field
        name="memo"
        id="timer-memo"
        label="What are you working on?"
        hint="The memo is part of payment protection: time without one is not covered."
        maxLength={500}
        defaultValue={values?.memo}
        errors={errors.memo}
      />
      <SubmitButton pendingLabel="Starting…">Start the timer</SubmitButton>
    </form>
  );
}

export function StopTimerForm({ contractId }: { contractId: string }) {
  const [state, action] = useActionState(stopTimerAction, null);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="contractId" value={contractId} />
      <SubmitButton pendingLabel="Stopping…">Stop the timer</SubmitButton>
    </form>
  );
}
