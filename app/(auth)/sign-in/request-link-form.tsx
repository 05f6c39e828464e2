'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { requestSignInLinkAction } from './actions';

/** `returnPath`: the page the link brings the person back to, already checked by the page. */
export function RequestLinkForm({
  submitLabel,
  returnPath,
}: {
  submitLabel: string;
  returnPath?: string;
}) {
  const [state, action] = useActionState(requestSignInLinkAction, null);
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} noValidate className="card narrow">
      <FormMessage state={state} />
      {returnPath && <input type="hidden" name="next" value={returnPath} />}
      <Field
        name="email"
        label="Email address"
        type="email"
        autoComplete="email"
        required
        defaultValue={values?.email}
        errors={state && !state.ok ? state.fieldErrors.email : undefined}
        hint="We email you a link that signs you in. No password needed."
      />
      <SubmitButton pendingLabel="Sending…">{submitLabel}</SubmitButton>
    </form>
  );
}
