'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { setDefaultPayoutMethodAction } from './actions';

/** The "Make default" button of one row in the list; it names its method for screen readers. */
export function MethodActions({
  methodId,
  title,
  isDefault,
}: {
  methodId: string;
  title: string;
  isDefault: boolean;
}) {
  const [defaultState, makeDefault] = useActionState(setDefaultPayoutMethodAction, null);
  if (isDefault) return null;
  return (
    <form action={makeDefault}>
      <input type="hidden" name="methodId" value={methodId} />
      <SubmitButton pendingLabel="Saving…">
        Make default<span className="visually-hidden">: {title}</span>
      </SubmitButton>
      <FormMessage state={defaultState} />
    </form>
  );
}
