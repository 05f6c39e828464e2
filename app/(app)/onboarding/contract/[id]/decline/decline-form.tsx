'use client';

import { useActionState } from 'react';
import { FieldError } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { declineContractAction } from '../../../actions';

/** The confirmed decline, with the reason the client reads; the action checks the contract is the freelancer's. */
export function DeclineForm({ contractId }: { contractId: string }) {
  const [declineState, decline] = useActionState(declineContractAction, null);
  const declineErrors =
    declineState && !declineState.ok ? declineState.fieldErrors.reason : undefined;
  return (
    <form action={decline} noValidate>
      <FormMessage state={declineState} />
      <input type="hidden" name="contractId" value={contractId} />
      <div className="field">
        <label htmlFor="reason">Reason for declining</label>
        <p id="reason-hint" className="hint">
          The client sees this. 5 to 1,000 characters.
        </p>
        <textarea
          id="reason"
          name="reason"
          rows={3}
          aria-describedby={declineErrors ? 'reason-hint reason-error' : 'reason-hint'}
          aria-invalid={declineErrors ? true : undefined}
          defaultValue={declineState && !declineState.ok ? declineState.values?.reason : undefined}
        />
        <FieldError id="reason-error" errors={declineErrors} />
      </div>
      <SubmitButton pendingLabel="Declining…">Decline the offer</SubmitButton>
    </form>
  );
}
