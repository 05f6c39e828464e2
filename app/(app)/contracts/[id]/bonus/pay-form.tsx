'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { payBonusAction } from './actions';

/** The confirmation's button: posts the bonus with the request id this page was given. */
export function PayBonusForm({
  contractId,
  requestId,
  amount,
  message,
  label,
}: {
  contractId: string;
  requestId: string;
  amount: string;
  message: string;
  label: string;
}) {
  const [state, action] = useActionState(payBonusAction, null);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="amount" value={amount} />
      <input type="hidden" name="message" value={message} />
      <SubmitButton pendingLabel="Paying…">{label}</SubmitButton>
    </form>
  );
}
