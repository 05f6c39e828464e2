'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { RadioGroup } from '@/components/form-controls';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import type { PayoutMethodKind } from '@/lib/payouts/schemas';
import { addPayoutMethodAction } from './actions';

const ACCOUNT_TYPES = [
  { value: 'checking', label: 'Checking' },
  { value: 'savings', label: 'Savings' },
];

/**
 * One form per kind (chosen with links above it, so no JavaScript is needed). Account
 * numbers and IBANs are never echoed back after an error: they must be typed again.
 */
export function AddMethodForm({
  kind,
  holderName,
}: {
  kind: PayoutMethodKind;
  holderName: string;
}) {
  const [state, action] = useActionState(addPayoutMethodAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values: Record<string, string> = {
    holderName,
    ...(state && !state.ok ? state.values : {}),
  };
  const noAutofill = { autoComplete: 'off', spellCheck: false } as const;
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="kind" value={kind} />
      {(kind === 'us_bank' || kind === 'iban') && (
        <Field
          name="holderName"
          label="Account holder name"
          hint="As your bank shows it."
          autoComplete="name"
          defaultValue={values.holderName}
          errors={errors.holderName}
        />
      )}
      {kind === 'us_bank' && (
        <>
          <Field
            name="routingNumber"
            label="Routing number"
            hint="9 digits, at the bottom left of a check."
            inputMode="numeric"
            {...noAutofill}
            defaultValue={values.routingNumber}
            errors={errors.routingNumber}
          />
          <Field
            name="accountNumber"
            label="Account number"
            hint="4 to 17 digits. We store it encrypted and only ever show its last four digits."
            inputMode="numeric"
            {...noAutofill}
            errors={errors.accountNumber}
          />
          <RadioGroup
            name="accountType"
            legend="Account type"
            options={ACCOUNT_TYPES}
            value={values.accountType}
            errors={errors.accountType}
          />
        </>
      )}
      {kind === 'iban' && (
        <>
          <Field
            name="iban"
            label="IBAN"
            hint="Like DE89 3704 0044 0532 0130 00. We store it encrypted and only ever show its last four characters."
            {...noAutofill}
            errors={errors.iban}
          />
          <Field
            name="bic"
            label="BIC (SWIFT code)"
            hint="8 or 11 characters, like DEUTDEFF."
            {...noAutofill}
            defaultValue={values.bic}
            errors={errors.bic}
          />
        </>
      )}
      {(kind === 'paypal' || kind === 'payoneer') && (
        <Field
          name="email"
          type="email"
          label={kind === 'paypal' ? 'PayPal email address' : 'Payoneer email address'}
          autoComplete="email"
          defaultValue={values.email}
          errors={errors.email}
        />
      )}
      {errors.kind && <p className="field-error">{errors.kind.join(' ')}</p>}
      <SubmitButton pendingLabel="Adding…">Add this payout method</SubmitButton>
    </form>
  );
}
