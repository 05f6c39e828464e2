'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { TextAreaField } from '@/components/form-controls';
import { SubmitButton } from '@/components/submit-button';
import { DECLINE_REASON_MAX } from '@/lib/proposals/client-schemas';
import { declineProposalAction } from '../../actions';

/** The confirmed decline, with an optional reason the freelancer reads in the email. */
export function DeclineForm({ proposalId }: { proposalId: string }) {
  const [state, decline] = useActionState(declineProposalAction, null);
  const refused = state && !state.ok ? state : null;
  return (
    <form action={decline} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="proposalId" value={proposalId} />
      <TextAreaField
        name="reason"
        label="Reason (optional)"
        hint={`Up to ${DECLINE_REASON_MAX.toLocaleString('en-US')} characters, sent to the freelancer as you type it.`}
        rows={4}
        maxLength={DECLINE_REASON_MAX}
        defaultValue={refused?.values?.reason ?? ''}
        errors={refused?.fieldErrors.reason}
      />
      <SubmitButton pendingLabel="Declining…">Decline the proposal</SubmitButton>
    </form>
  );
}
