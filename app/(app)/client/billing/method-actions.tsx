'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { ConfirmLink } from '@/components/ui/confirm-link';
import { setDefaultBillingMethodAction } from './actions';

/**
 * The buttons of one row; each names its card for screen readers. Removing goes through its
 * confirmation page first, like every destructive action.
 */
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
      <ConfirmLink href={`/client/billing/${methodId}/remove`}>
        Remove<span className="visually-hidden">: {title}</span>
      </ConfirmLink>
    </div>
  );
}
