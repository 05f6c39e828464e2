'use client';

import { useActionState } from 'react';
import { FieldError } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { acceptContractAction, declineContractAction } from '../../actions';

export function DecisionForms({
  contractId,
  termsHash,
}: {
  contractId: string;
  termsHash: string;
}) {
  const [acceptState, accept] = useActionState(acceptContractAction, null);
  const [declineState, decline] = useActionState(declineContractAction, null);
  const declineErrors =
    declineState && !declineState.ok ? declineState.fieldErrors.reason : undefined;
  return (
    <>
      <form action={accept} className="card">
        <FormMessage state={acceptState} />
        <input type="hidden" name="contractId" value={contractId} />
        <input type="hidden" name="termsHash" value={termsHash} />
        <SubmitButton pendingLabel="Accepting…">Accept the contract</SubmitButton>
      </form>
      <form action={decline} className="card" noValidate>
        <h2>Decline</h2>
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
            defaultValue={
              declineState && !declineState.ok ? declineState.values?.reason : undefined
            }
          />
          <FieldError id="reason-error" errors={declineErrors} />
        </div>
        <SubmitButton pendingLabel="Declining…">Decline the offer</SubmitButton>
      </form>
    </>
  );
}
