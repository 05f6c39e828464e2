'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { ConfirmLink } from '@/components/ui/confirm-link';
import { acceptContractAction } from '../../actions';

export function DecisionForms({
  contractId,
  termsHash,
}: {
  contractId: string;
  termsHash: string;
}) {
  const [acceptState, accept] = useActionState(acceptContractAction, null);
  return (
    <>
      <form action={accept} className="card">
        <FormMessage state={acceptState} />
        <input type="hidden" name="contractId" value={contractId} />
        <input type="hidden" name="termsHash" value={termsHash} />
        <SubmitButton pendingLabel="Accepting…">Accept the contract</SubmitButton>
      </form>
      <section className="card" aria-labelledby="decline-heading">
        <h2 id="decline-heading">Decline</h2>
        <p>Not the right offer? Declining asks you for a reason and tells the client.</p>
        <ConfirmLink href={`/onboarding/contract/${contractId}/decline`}>
          Decline the offer…
        </ConfirmLink>
      </section>
    </>
  );
}
