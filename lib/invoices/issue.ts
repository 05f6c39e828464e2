import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { invoiceLines, invoices } from '@/db/schema';
import { now } from '@/lib/clock';
import { feeCents } from '@/lib/money/money';

export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type InvoiceKind = InvoiceRow['kind'];

export type InvoiceLineInput = {
  description: string;
  /** hourly: the UTC day worked (YYYY-MM-DD) and its billable minutes. */
  workDate?: string;
  minutes?: number;
  amountCents: number;
};

export type IssueInvoiceInput = {
  /** Chosen by the caller when a form's request id names the invoice (a bonus): a resend finds it. */
  id?: string;
  kind: InvoiceKind;
  contractId: string;
  workspaceId: string;
  freelancerId: string;
  currency: string;
  /** The contract's fee rate: the fee is computed here, once, from the lines' total. */
  feeBps: number;
  description?: string;
  weekStart?: string;
  milestoneId?: string;
  creditsInvoiceId?: string;
  minutes?: number;
  rateCents?: number;
  reviewEndsAt?: Date;
  /** Credit notes are settled when issued; everything else awaits the client's payment. */
  paymentStatus?: InvoiceRow['paymentStatus'];
  lines: InvoiceLineInput[];
};

/**
 * Issues an invoice with its lines (numbered by the database's sequence). The gross is the
 * sum of the lines, the fee is the contract's rate of it rounded half up, the net is the
 * rest; all three are stored and never change, so the page, the PDF and the ledger show
 * the same cents.
 */
export async function issueInvoice(tx: Tx, input: IssueInvoiceInput): Promise<InvoiceRow> {
  const [invoice] = await issueInvoices(tx, [input]);
  return invoice;
}

/**
 * Issues several invoices as issueInvoice does, in two statements (the invoices, then all
 * their lines) instead of two per invoice: the billing tick issues one per contract, 10,000
 * in `npm run bench:tick`. Returns the invoices in the order of `inputs`.
 */
export async function issueInvoices(tx: Tx, inputs: IssueInvoiceInput[]): Promise<InvoiceRow[]> {
  if (inputs.length === 0) return [];
  const issuedAt = now();
  const withIds = inputs.map((input) => {
    if (input.lines.length === 0) throw new Error('An invoice needs at least one line.');
    for (const line of input.lines) {
      if (!Number.isSafeInteger(line.amountCents) || line.amountCents < 0) {
        throw new Error(`An invoice line is a whole, non-negative number of cents.`);
      }
    }
    // Chosen here, so each line finds its invoice whatever order the rows come back in.
    return { ...input, id: input.id ?? randomUUID() };
  });
  const rows = await tx
    .insert(invoices)
    .values(
      withIds.map((input) => {
        const grossCents = input.lines.reduce((sum, line) => sum + line.amountCents, 0);
        const fee = feeCents(grossCents, input.feeBps);
        return {
          id: input.id,
          kind: input.kind,
          contractId: input.contractId,
          workspaceId: input.workspaceId,
          freelancerId: input.freelancerId,
          currency: input.currency,
          feeBps: input.feeBps,
          description: input.description ?? '',
          weekStart: input.weekStart,
          milestoneId: input.milestoneId,
          creditsInvoiceId: input.creditsInvoiceId,
          minutes: input.minutes,
          rateCents: input.rateCents,
          reviewEndsAt: input.reviewEndsAt,
          grossCents,
          feeCents: fee,
          netCents: grossCents - fee,
          paymentStatus: input.paymentStatus ?? 'awaiting_payment',
          issuedAt,
        };
      }),
    )
    .returning();
  await tx.insert(invoiceLines).values(
    withIds.flatMap((input) =>
      input.lines.map((line, index) => ({
        invoiceId: input.id,
        position: index + 1,
        description: line.description,
        workDate: line.workDate,
        minutes: line.minutes,
        amountCents: line.amountCents,
      })),
    ),
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return withIds.map((input) => byId.get(input.id)!);
}

/** The invoice and its lines in order (no authorization: callers scope the id first). */
export async function findInvoiceWithLines(tx: DbOrTx, id: string) {
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, id));
  if (!invoice) return null;
  const lines = await tx
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, id))
    .orderBy(invoiceLines.position);
  return { invoice, lines };
}

/**
 * A charge of the invoice was declined: payment_failed, with the charge, keeping the first
 * failure's date (payment_failed_at counts from it until the invoice is paid). For the
 * milestone funding and bonus charge hooks; moves no money.
 */
export async function markPaymentFailed(
  tx: Tx,
  invoiceId: string,
  chargeId: string,
  at: Date,
): Promise<void> {
  await tx
    .update(invoices)
    .set({
      paymentStatus: 'payment_failed',
      paymentFailedAt: sql`coalesce(${invoices.paymentFailedAt}, ${at.toISOString()}::timestamptz)`,
      chargeId,
      updatedAt: at,
    })
    .where(eq(invoices.id, invoiceId));
}
