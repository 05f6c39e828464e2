'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { removePayoutMethodAction } from '../../actions';

/** The confirmed removal: posts the method's id; the action checks it is the actor's own. */
export function RemoveMethodForm({ methodId, title }: { methodId: string; title: string }) {
  const [state, remove] = useActionState(removePayoutMethodAction, null);
  return (
    <form action={remove}>
      <FormMessage state={state} />
      <input type="hidden" name="methodId" value={methodId} />
      <SubmitButton pendingLabel="Removing…">
        Remove this payout method<span className="visually-hidden">: {title}</span>
      </SubmitButton>
    </form>
  );
}
