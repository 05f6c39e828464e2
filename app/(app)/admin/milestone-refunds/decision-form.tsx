'use client';

import { useActionState } from 'react';
import { SelectField, TextAreaField } from '@/components/form-controls';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { decideRefundAction } from './actions';

/** One request's decision: refund the client or release to the freelancer, with a note. */
export function RefundDecisionForm({
  contractId,
  milestoneId,
}: {
  contractId: string;
  milestoneId: string;
}) {
  const [state, decide] = useActionState(decideRefundAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={decide}>
      <FormMessage state={state} />
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <SelectField
        id={`decision-${milestoneId}`}
        name="decision"
        label="Decision"
        placeholder="Choose…"
        options={[
          { value: 'refund', label: 'Refund the client' },
          { value: 'release', label: 'Release to the freelancer' },
        ]}
        errors={errors?.decision}
        required
      />
      <TextAreaField
        id={`note-${milestoneId}`}
        name="note"
        label="Why (both sides read this)"
        rows={3}
        required
        errors={errors?.note}
      />
      <SubmitButton pendingLabel="Deciding…">Decide</SubmitButton>
    </form>
  );
}
