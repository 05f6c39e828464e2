'use client';

import { useActionState } from 'react';
import { RadioGroup, TextAreaField } from '@/components/form-controls';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { decideDisputeAction } from '../actions';

/** Ops' decision: refund all, refund part, or pay the freelancer, with a note for both. */
export function DecideForm({ disputeId, disputed }: { disputeId: string; disputed: string }) {
  const [state, decide] = useActionState(decideDisputeAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const prefix = `decide-${disputeId}`;
  return (
    <form action={decide}>
      <FormMessage state={state} />
      <input type="hidden" name="disputeId" value={disputeId} />
      <RadioGroup
        name="decision"
        legend="Decision"
        value={values?.decision}
        errors={errors.decision}
        options={[
          { value: 'refund_all', label: `Refund all (${disputed}) to the client` },
          { value: 'refund_part', label: 'Refund part; the rest is paid to the freelancer' },
          { value: 'pay', label: 'Pay the freelancer' },
        ]}
      />
      <Field
        id={`${prefix}-amount`}
        name="amount"
        label="Amount to refund, in dollars (refund part)"
        inputMode="decimal"
        defaultValue={values?.amount}
        errors={errors.amount}
      />
      <TextAreaField
        id={`${prefix}-note`}
        name="note"
        label="Note to both sides"
        maxLength={2000}
        rows={3}
        required
        defaultValue={values?.note}
        errors={errors.note}
      />
      <SubmitButton pendingLabel="Deciding…">Decide</SubmitButton>
    </form>
  );
}
