'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { withdrawProposalAction } from '../../actions';

/** Posts the withdrawal; a refusal (an offer came meanwhile) shows above the button. */
export function WithdrawProposalForm({ proposalId }: { proposalId: string }) {
  const [state, withdraw] = useActionState(withdrawProposalAction, null);
  return (
    <form action={withdraw}>
      <FormMessage state={state} />
      <input type="hidden" name="proposalId" value={proposalId} />
      <SubmitButton pendingLabel="Withdrawing…">Withdraw the proposal</SubmitButton>
    </form>
  );
}
