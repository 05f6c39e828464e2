'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { openDispute } from '@/lib/hourly/disputes';
import { approveInvoice } from '@/lib/hourly/review';
import { approveInvoiceSchema, openDisputeSchema } from '@/lib/hourly/review-schemas';

/**
 * The client's review of an hourly week. The workspace comes from the session; the
 * service checks the invoice belongs to it and to the contract named, under a row lock.
 */
export const approveInvoiceAction = defineAction({
  actor: 'client',
  schema: approveInvoiceSchema,
  async handler({ contractId, invoiceId }, { db, actor, ip }) {
    const result = await approveInvoice(db, {
      workspaceId: actor.inviter.workspaceId,
      userId: actor.userId,
      contractId,
      invoiceId,
      ip,
    });
    if (!result.ok) return result;
    redirect(`/contracts/${contractId}/invoices/${invoiceId}/review?notice=approved`);
  },
});

export const openDisputeAction = defineAction({
  actor: 'client',
  schema: openDisputeSchema,
  async handler({ contractId, invoiceId, entryIds, reason }, { db, actor, ip }) {
    const result = await openDispute(db, {
      workspaceId: actor.inviter.workspaceId,
      userId: actor.userId,
      contractId,
      invoiceId,
      entryIds,
      reason,
      ip,
    });
    if (!result.ok) return result;
    redirect(`/contracts/${contractId}/disputes/${result.disputeId}?notice=opened`);
  },
});
