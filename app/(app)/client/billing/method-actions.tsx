'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { removeBillingMethodAction, setDefaultBillingMethodAction } from './actions';

/** The buttons of one row; each names its card for screen readers. */
export function MethodActions({
  methodId,
  title,
  isDefault,
}: {
  methodId: string;
  title: string;
  isDefault: boolean;
}) {
  const [defaultState, makeDefault] = useActionState(setDefaultBillingMethodAction, null);
  const [removeState, remove] = useActionState(removeBillingMethodAction, null);
  return (
    <div className="actions">
      {!isDefault && (
        <form action={makeDefault}>
          <input type="hidden" name="methodId" value={methodId} />
          <SubmitButton pendingLabel="Saving…">
            Make default<span className="visually-hidden">: {title}</span>
          </SubmitButton>
          <FormMessage state={defaultState} />
        </form>
      )}
      <form action={remove}>
        <input type="hidden" name="methodId" value={methodId} />
        <SubmitButton pendingLabel="Removing…">
          Remove<span className="visually-hidden">: {title}</span>
        </SubmitButton>
        <FormMessage state={removeState} />
      </form>
    </div>
  );
}
