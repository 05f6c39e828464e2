'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { requestEmailChangeAction } from './actions';

export function ChangeEmailForm() {
  const [state, action] = useActionState(requestEmailChangeAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Field
        name="email"
        type="email"
        label="New email address"
        hint="We send a confirmation link there; your email changes when you open it."
        autoComplete="email"
        defaultValue={values?.email}
        errors={errors.email}
      />
      <SubmitButton pendingLabel="Sending…">Send a confirmation link</SubmitButton>
    </form>
  );
}
