'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { confirmSignInAction } from '../actions';

export function ConfirmSignInForm({
  token,
  email,
  returnPath,
}: {
  token: string;
  email: string;
  returnPath?: string;
}) {
  const [state, action] = useActionState(confirmSignInAction, null);
  return (
    <form action={action} className="card">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="email" value={email} />
      {returnPath && <input type="hidden" name="next" value={returnPath} />}
      {state && !state.ok ? (
        <Link
          href={returnPath ? `/sign-in?${new URLSearchParams({ next: returnPath })}` : '/sign-in'}
        >
          Ask for a new sign-in link
        </Link>
      ) : (
        <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
      )}
    </form>
  );
}
