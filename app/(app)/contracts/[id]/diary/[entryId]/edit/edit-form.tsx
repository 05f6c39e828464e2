'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { editEntryAction } from '../../actions';
import { EntryFields } from '../../entry-fields';

type Values = { memo: string; date: string; from: string; to: string };

/** Tracked time keeps the times the timer recorded: only its memo is asked for. */
export function EditEntryForm({
  entryId,
  manual,
  values,
}: {
  entryId: string;
  manual: boolean;
  values: Values;
}) {
  const [state, action] = useActionState(editEntryAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const shown = state && !state.ok && state.values ? state.values : values;
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="entryId" value={entryId} />
      {!manual && <p className="hint">Tracked times stay as the timer recorded them.</p>}
      <EntryFields values={shown} errors={errors} withTimes={manual} />
      <SubmitButton pendingLabel="Saving…">Save the entry</SubmitButton>
    </form>
  );
}
