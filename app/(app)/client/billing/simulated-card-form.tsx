'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { addSimulatedCardAction } from './actions';

/**
 * The simulated processor's card form: a plain form (it works without JavaScript). The
 * number is never redisplayed after an error; it must be typed again.
 */
export function SimulatedCardForm() {
  const [state, action] = useActionState(addSimulatedCardAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Field
        name="cardNumber"
        label="Card number"
        hint="Test cards only: 4242 4242 4242 4242 is approved, 4000 0000 0000 0002 is declined. We keep only the last 4 digits."
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        errors={errors.cardNumber}
      />
      <Field
        name="expiry"
        label="Expiry date (MM/YY)"
        inputMode="numeric"
        autoComplete="off"
        placeholder="MM/YY"
        defaultValue={values?.expiry}
        errors={errors.expiry}
      />
      <SubmitButton pendingLabel="Adding…">Add this card</SubmitButton>
    </form>
  );
}
