'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { fundMilestoneAction } from './actions';

/** The client's "Fund this milestone" form: a plain form, it works without JavaScript. */
export function FundForm({
  contractId,
  milestoneId,
  defaultAmount,
  cardTitle,
  amountFixed,
}: {
  contractId: string;
  milestoneId: string;
  /** The offer's amount in dollars ("500.00"), or the invoice's when one was issued. */
  defaultAmount: string;
  cardTitle: string;
  amountFixed: boolean;
}) {
  const [state, action] = useActionState(fundMilestoneAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <Field
        name="amount"
        label="Amount (USD)"
        hint={
          amountFixed
            ? 'The amount of this milestone’s invoice.'
            : 'The offer’s amount; at least $5. It is held in escrow until you approve the work.'
        }
        inputMode="decimal"
        readOnly={amountFixed}
        defaultValue={values?.amount ?? defaultAmount}
        errors={errors?.amount}
      />
      <p>Charged to your default card: {cardTitle}.</p>
      <SubmitButton pendingLabel="Funding…">Fund this milestone</SubmitButton>
    </form>
  );
}
