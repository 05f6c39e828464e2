'use client';

import { useActionState, useEffect, useRef } from 'react';
import { FieldError } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import type { ActionState } from '@/lib/actions/define-action';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The reply box; a plain form, so it posts without JavaScript too. `hidden` says what the
 * message is to: a thread, or the proposal or contract whose thread it starts. A refused
 * message puts the focus back in the box, which names the error: by `autoFocus` on the page
 * the server answers without JavaScript, by the effect with it (the Send button, disabled
 * while sending, has dropped the focus).
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
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (state && !state.ok && state.fieldErrors?.body?.length) box.current?.focus();
  }, [state]);
  return (
    <form action={formAction}>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field">
        <label htmlFor="message-body">Your message</label>
        <textarea
          ref={box}
          id="message-body"
          name="body"
          rows={4}
          maxLength={5000}
          required
          autoFocus={Boolean(errors?.length)}
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
