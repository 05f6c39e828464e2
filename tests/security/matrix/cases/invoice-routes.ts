import { eq } from 'drizzle-orm';
import { contracts, invoices } from '@/db/schema';
import { makeInvoice } from '@/lib/test-hooks/invoice-factory';
import { pdfText } from '@/tests/helpers/pdf-text';
import { browserRequest, routeArgs, statusOf } from '../calls';
import { defineCase, type Entry } from '../runner';

/** The invoice PDF: for the contract's two parties and ops, as the invoice page is. */
export const INVOICE_ROUTE_CASES: Record<string, Entry> = {
  'app/(app)/invoices/[id]/pdf/route.ts#GET': defineCase({
    kind: 'owner',
    reason:
      "An invoice is read by its contract's client, its freelancer and ops (findContractForViewer); everyone else gets the 404 of an unknown id.",
    rightful: 'victimClient',
    async arrange(world) {
      const [contract] = await world.db
        .select({ id: contracts.id })
        .from(contracts)
        .where(eq(contracts.workspaceId, world.victimClient.workspaceId));
      // One hourly invoice per contract and week: a week no earlier case has used.
      const earlier = await world.db
        .select({ id: invoices.id })
        .from(invoices)
        .where(eq(invoices.contractId, contract.id));
      const made = await makeInvoice(world.db, {
        kind: 'invoice',
        contractId: contract.id,
        weeksAgo: earlier.length + 1,
        stage: 'in_review',
      });
      return { invoiceId: made.invoiceId, number: made.number, protect: [made.number] };
    },
    args: ({ target }) =>
      routeArgs(browserRequest(`/invoices/${target.invoiceId}/pdf`), { id: target.invoiceId }),
    others: { victimFreelancer: 'allowed', admin: 'allowed' },
    async succeeded(outcome, { target }) {
      expect(statusOf(outcome)).toBe(200);
      expect(outcome.type === 'response' && pdfText(outcome.bytes)).toContain(target.number);
    },
  }),
};
