'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { addManualEntryAction } from './actions';
import { EntryFields } from './entry-fields';

/** A manual entry (only where the contract allows manual time): a plain post. */
export function ManualEntryForm({ contractId, today }: { contractId: string; today: string }) {
  const [state, action] = useActionState(addManualEntryAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : { date: today };
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="contractId" value={contractId} />
      <EntryFields values={values ?? {}} errors={errors} withTimes />
      <SubmitButton pendingLabel="Adding…">Add manual time</SubmitButton>
    </form>
  );
}
