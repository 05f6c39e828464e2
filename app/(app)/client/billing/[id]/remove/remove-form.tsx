'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { removeBillingMethodAction } from '../../actions';

/** The confirmed removal: posts the card's id; the action checks it is the workspace's own. */
export function RemoveCardForm({ methodId, title }: { methodId: string; title: string }) {
  const [state, remove] = useActionState(removeBillingMethodAction, null);
  return (
    <form action={remove}>
      <FormMessage state={state} />
      <input type="hidden" name="methodId" value={methodId} />
      <SubmitButton pendingLabel="Removing…">
        Remove this card<span className="visually-hidden">: {title}</span>
      </SubmitButton>
    </form>
  );
}
