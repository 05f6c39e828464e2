'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { payInvoiceNowAction } from './actions';

/** "Pay now" on a failed invoice: a plain form, it works without JavaScript. */
export function PayNowForm({ invoiceId, attempt }: { invoiceId: string; attempt: number }) {
  const [state, action] = useActionState(payInvoiceNowAction, null);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <input type="hidden" name="attempt" value={attempt} />
      <SubmitButton pendingLabel="Paying…">Pay now</SubmitButton>
    </form>
  );
}
