'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { deleteEntryAction } from '../../actions';

/** The confirmed deletion: posts the entry's id; the action checks it is the caller's own. */
export function DeleteEntryForm({ entryId, label }: { entryId: string; label: string }) {
  const [state, remove] = useActionState(deleteEntryAction, null);
  return (
    <form action={remove}>
      <FormMessage state={state} />
      <input type="hidden" name="entryId" value={entryId} />
      <SubmitButton pendingLabel="Deleting…">
        Delete this entry<span className="visually-hidden">: {label}</span>
      </SubmitButton>
    </form>
  );
}
