'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { deleteSavedSearchAction, saveSearchAction } from './actions';

/** Saves the search shown: its words and filters ride along as hidden fields. */
export function SaveSearchForm({ search }: { search: Record<string, string> }) {
  const [state, save] = useActionState(saveSearchAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={save} noValidate>
      <FormMessage state={state} />
      {Object.entries(search).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Field name="name" label="Name this search" maxLength={80} errors={errors?.name} />
      <SubmitButton pendingLabel="Saving…">Save search</SubmitButton>
    </form>
  );
}

export function DeleteSavedSearchForm({ id, name }: { id: string; name: string }) {
  const [state, remove] = useActionState(deleteSavedSearchAction, null);
  return (
    <form action={remove}>
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton pendingLabel="Deleting…">Delete “{name}”</SubmitButton>
    </form>
  );
}
