'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import type { FormState } from '@/lib/forms';

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** The one button of a confirmation link's page; after it is used, only a way onward. */
export function ConfirmLinkForm({
  action,
  token,
  label,
  after,
}: {
  action: Action;
  token: string;
  label: string;
  after: { href: string; label: string };
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="card">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {state ? (
        <Link href={after.href}>{after.label}</Link>
      ) : (
        <SubmitButton pendingLabel="Confirming…">{label}</SubmitButton>
      )}
    </form>
  );
}
