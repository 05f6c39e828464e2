'use client';

import { useActionState } from 'react';
import { TextAreaField } from '@/components/form-controls';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { MAX_END_MESSAGE_LENGTH } from '@/lib/contract-ending/schemas';
import { endContractAction } from './actions';

export function EndContractForm({ contractId }: { contractId: string }) {
  const [state, end] = useActionState(endContractAction, null);
  return (
    <form action={end} className="card">
      <FormMessage state={state} />
      <input type="hidden" name="contractId" value={contractId} />
      <TextAreaField
        name="message"
        label="Message to the freelancer"
        hint="Why the contract ends; the freelancer sees it on the contract page and in the email."
        required
        maxLength={MAX_END_MESSAGE_LENGTH}
        rows={4}
        errors={state && !state.ok ? state.fieldErrors?.message : undefined}
      />
      <SubmitButton pendingLabel="Ending…">End the contract</SubmitButton>
    </form>
  );
}
