'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { chargeRefusal } from '@/lib/billing/refusal';
import { payInvoiceNow } from '@/lib/hourly/pay-now';
import { payNowSchema } from '@/lib/hourly/review-schemas';
import { selectPaymentProvider } from '@/lib/payments/select';
import { chargeHooks } from '@/lib/server/jobs';

/**
 * "Pay now" on an hourly invoice whose charge failed: charged again on the workspace's
 * default card. The service checks the invoice belongs to the caller's workspace; an
 * answered attempt (paid, declined, processing) goes back to the invoice page, which shows it.
 */
export const payInvoiceNowAction = defineAction({
  actor: 'client',
  schema: payNowSchema,
  async handler({ invoiceId, attempt }, { db, actor }) {
    const result = await payInvoiceNow(
      db,
      selectPaymentProvider(db),
      chargeHooks(),
      { userId: actor.userId, workspaceId: actor.inviter.workspaceId, ip: actor.ip },
      { invoiceId, attempt },
    );
    if (!result.ok) {
      return chargeRefusal(result);
    }
    redirect(`/invoices/${result.invoiceId}?payment=${result.outcome}`);
  },
});
