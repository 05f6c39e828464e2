'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { RadioGroup, SelectField } from '@/components/form-controls';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { saveWithdrawalScheduleAction } from './actions';

type Option = { value: string; label: string };

/** The schedule form; a refusal comes back with the message next to its field. */
export function ScheduleForm({
  frequencies,
  methods,
  frequency,
  threshold,
  payoutMethodId,
}: {
  frequencies: Option[];
  methods: Option[];
  frequency: string;
  threshold: string;
  payoutMethodId: string;
}) {
  const [state, save] = useActionState(saveWithdrawalScheduleAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={save} noValidate>
      <FormMessage state={state} />
      <RadioGroup
        name="frequency"
        legend="How often"
        options={frequencies}
        value={values?.frequency ?? frequency}
        errors={errors?.frequency}
      />
      <Field
        name="threshold"
        label="Threshold (USD)"
        hint="Paid out only when your available balance is at least this much; at least the method's minimum."
        inputMode="decimal"
        defaultValue={values?.threshold ?? threshold}
        errors={errors?.threshold}
      />
      <SelectField
        name="payoutMethodId"
        label="Payout method"
        options={methods}
        placeholder="Choose a payout method"
        defaultValue={values?.payoutMethodId ?? payoutMethodId}
        errors={errors?.payoutMethodId}
      />
      <SubmitButton pendingLabel="Saving…">Save the schedule</SubmitButton>
    </form>
  );
}
