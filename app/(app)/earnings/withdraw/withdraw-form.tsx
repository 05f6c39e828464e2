'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { withdrawAction } from './actions';

/** The confirmation's button: posts the withdrawal under the key this page was drawn with. */
export function WithdrawForm({
  payoutMethodId,
  amount,
  idempotencyKey,
  label,
}: {
  payoutMethodId: string;
  amount: string;
  idempotencyKey: string;
  label: string;
}) {
  const [state, action] = useActionState(withdrawAction, null);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="payoutMethodId" value={payoutMethodId} />
      <input type="hidden" name="amount" value={amount} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <SubmitButton pendingLabel="Withdrawing…">{label}</SubmitButton>
    </form>
  );
}
