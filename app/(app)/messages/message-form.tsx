'use client';

import { useActionState } from 'react';
import { FieldError } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import type { ActionState } from '@/lib/actions/define-action';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The reply box; a plain form, so it posts without JavaScript too. `hidden` says what the
 * message is to: a thread, or the proposal or contract whose thread it starts.
 */
export function MessageForm({
  hidden,
  action,
}: {
  hidden: Record<string, string>;
  action: Action;
}) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors?.body : undefined;
  return (
    <form action={formAction}>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field">
        <label htmlFor="message-body">Your message</label>
        <textarea
          id="message-body"
          name="body"
          rows={4}
          maxLength={5000}
          required
          defaultValue={state && !state.ok ? (state.values?.body ?? '') : ''}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? 'message-body-error' : undefined}
        />
        <FieldError id="message-body-error" errors={errors} />
      </div>
      <SubmitButton pendingLabel="Sending…">Send</SubmitButton>
    </form>
  );
}
