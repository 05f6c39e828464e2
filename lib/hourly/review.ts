import { and, asc, eq, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { disputes, invoices } from '@/db/schema';
import { recordAudit } from '@/lib/audit/log';
import { now } from '@/lib/clock';
import { formatDateAndTime } from '@/lib/dates/format';
import { findContractForViewer, type ContractViewer } from '@/lib/contracts/access';
import { releaseToFreelancer } from '@/lib/earnings/release';
import type { InvoiceRow } from '@/lib/invoices/issue';
import { accounts } from '@/lib/ledger/accounts';
import { postTransaction } from '@/lib/ledger/post';
import { feeCents, formatMoney } from '@/lib/money/money';
import { groupByDay, listInvoicedEntries } from './entry-amounts';
import { findParties, reviewPath, sendReviewNotice } from './review-emails';
import { hourlyWeekKeyOf } from './invoice-charges';
import {
  availableAfterApproval,
  availableAfterReviewOf as wednesdayAfterReviewOf,
  isoWeekOf,
  weekStartFromDate,
} from './week';

const DAY_MS = 86_400_000;

/**
 * The Wednesday after the review: for a week invoiced late, whose review ran past its
 * Saturday (lib/hourly/invoicing gives every invoice a full review), 4 days after it ended.
 */
function availableAfterReviewOf(weekStart: Date, reviewEndsAt: Date | null): Date {
  const usual = wednesdayAfterReviewOf(weekStart);
  if (!reviewEndsAt) return usual;
  return new Date(Math.max(usual.getTime(), reviewEndsAt.getTime() + 4 * DAY_MS));
}

export type ReviewRefusal = { ok: false; reason: string; message: string };

/** The same answer for an unknown id and for someone else's: an id reveals nothing. */
export const UNKNOWN_INVOICE: ReviewRefusal = {
  ok: false,
  reason: 'not-found',
  message: 'This invoice does not exist, or it is not yours to review.',
};

/**
 * The invoice of a contract the viewer may see, locked for update when asked (every change
 * of review state locks it first, so an approval, a dispute and the Saturday release queue
 * up behind each other).
 */
async function findInvoiceOfContract(
  tx: DbOrTx,
  contractId: string,
  invoiceId: string,
  lock: boolean,
): Promise<InvoiceRow | null> {
  const query = tx
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.id, invoiceId),
        eq(invoices.contractId, contractId),
        eq(invoices.kind, 'hourly'),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Why the client can no longer change this week's review, or null while they can. */
export function reviewClosedReason(invoice: InvoiceRow, at: Date): string | null {
  if (invoice.paymentStatus !== 'paid')
    return 'This invoice is not paid yet: review opens once it is.';
  if (invoice.approvedAt) return 'You already approved this week.';
  if (invoice.releasedAt || (invoice.reviewEndsAt && invoice.reviewEndsAt <= at)) {
    return 'The review of this week ended on Friday at 23:59 UTC.';
  }
  return null;
}

/** The review page's data: the invoice, its entries by day, and its dispute if any. */
export async function findInvoiceForReview(
  db: DbOrTx,
  viewer: ContractViewer,
  contractId: string,
  invoiceId: string,
) {
  const found = await findContractForViewer(db, contractId, viewer);
  if (!found) return null;
  const invoice = await findInvoiceOfContract(db, contractId, invoiceId, false);
  if (!invoice) return null;
  const entries = await listInvoicedEntries(db, invoice.id, found.contract.weeklyLimitHours);
  const [dispute] = await db.select().from(disputes).where(eq(disputes.invoiceId, invoice.id));
  return {
    ...found,
    invoice,
    days: groupByDay(entries),
    dispute: dispute ?? null,
    closedReason: reviewClosedReason(invoice, now()),
  };
}

/** The disputed gross of an invoice (0 without a dispute). */
async function disputedCentsOf(tx: DbOrTx, invoiceId: string): Promise<number> {
  const [row] = await tx
    .select({ cents: disputes.disputedCents })
    .from(disputes)
    .where(eq(disputes.invoiceId, invoiceId));
  return row?.cents ?? 0;
}

/**
 * Releases the undisputed part of a paid hourly invoice, once (the caller holds the
 * invoice's row lock and has checked released_at is null): gross = invoice gross − disputed,
 * fee = invoice fee − the fee of the disputed amount, so this and the dispute's own
 * settlement add up to the stored invoice to the cent. Sets released_at.
 */
async function releaseUndisputed(tx: Tx, invoice: InvoiceRow, at: Date): Promise<void> {
  const disputed = await disputedCentsOf(tx, invoice.id);
  const grossCents = invoice.grossCents - disputed;
  const fee = invoice.feeCents - feeCents(disputed, invoice.feeBps);
  const weekStart = weekStartFromDate(invoice.weekStart!);
  const key = `${hourlyWeekKeyOf(invoice)}:release`;
  const source = { type: 'hourly_invoice', id: invoice.id };
  if (grossCents > 0 && grossCents - fee > 0) {
    await releaseToFreelancer(tx, {
      key,
      source,
      contractId: invoice.contractId,
      freelancerId: invoice.freelancerId,
      from: accounts.inReview(invoice.contractId),
      grossCents,
      feeCents: fee,
      currency: invoice.currency,
      availableAt: invoice.approvedAt
        ? availableAfterApproval(invoice.approvedAt)
        : availableAfterReviewOf(weekStart, invoice.reviewEndsAt),
      memo: `Week ${isoWeekOf(weekStart)} released`,
    });
  } else if (grossCents > 0) {
    // A few cents whose fee rounds up to all of them: the platform's, never left in review.
    await postFeeOnly(tx, key, source, invoice.contractId, grossCents, invoice.currency);
  }
  await tx
    .update(invoices)
    .set({ releasedAt: at, updatedAt: at })
    .where(and(eq(invoices.id, invoice.id), isNull(invoices.releasedAt)));
}

/** Cents out of review straight to the service fees (kind `fee`). */
export async function postFeeOnly(
  tx: Tx,
  key: string,
  source: { type: string; id: string },
  contractId: string,
  cents: number,
  currency: string,
) {
  await postTransaction(tx, {
    key: `${key}:fee`,
    source,
    kind: 'fee',
    entries: [
      { account: accounts.inReview(contractId), cents: -cents, currency },
      { account: accounts.serviceFees(), cents, currency },
    ],
  });
}

/**
 * The client approves the week before Friday ends: the undisputed amount is released at
 * once, in this transaction, available 5 days later. Approving twice, after the review
 * ended, or another workspace's invoice is refused and changes nothing.
 */
export async function approveInvoice(
  db: Db,
  input: {
    workspaceId: string;
    userId: string;
    contractId: string;
    invoiceId: string;
    ip?: string;
  },
  at: Date = now(),
): Promise<{ ok: true } | ReviewRefusal> {
  return db.transaction(async (tx) => {
    const invoice = await findInvoiceOfContract(tx, input.contractId, input.invoiceId, true);
    if (!invoice || invoice.workspaceId !== input.workspaceId) return UNKNOWN_INVOICE;
    const closed = reviewClosedReason(invoice, at);
    if (closed) return { ok: false as const, reason: 'closed', message: closed };
    const [approved] = await tx
      .update(invoices)
      .set({ approvedAt: at, updatedAt: at })
      .where(and(eq(invoices.id, invoice.id), isNull(invoices.approvedAt)))
      .returning();
    await releaseUndisputed(tx, approved, at);
    await recordAudit(tx, {
      actorId: input.userId,
      action: 'invoice.approved',
      targetType: 'invoice',
      targetId: invoice.id,
      ip: input.ip,
      detail: `Approved ${invoice.number} early`,
    });
    const parties = await findParties(tx, invoice.contractId);
    const disputed = await disputedCentsOf(tx, invoice.id);
    await sendReviewNotice(tx, {
      to: parties.freelancerEmail,
      firstName: parties.freelancerFirstName,
      template: 'hourly-approved',
      heading: `${parties.clientName} approved your week on “${parties.title}”`,
      paragraphs: [
        `${parties.clientName} approved invoice ${invoice.number} early.`,
        `${formatMoney(invoice.netCents - (disputed - feeCents(disputed, invoice.feeBps)), invoice.currency)} is on its way to your balance: pending now, available on ${formatDateAndTime(availableAfterApproval(at))}.`,
      ],
      buttonLabel: 'See the week',
      path: reviewPath(invoice.contractId, invoice.id),
    });
    return { ok: true as const };
  });
}

/**
 * Tick step (Saturday 00:00, and after any early approval the action did not finish):
 * every paid hourly invoice not yet released whose review ended or that the client
 * approved. An unpaid invoice waits until it is paid. Batched; rows another worker holds
 * are skipped (SKIP LOCKED) and released_at is re-checked under the lock, so two workers
 * never release one week twice (the ledger's unique source and kind would refuse it too).
 */
export async function releaseDueInvoices(
  db: Db,
  at: Date = now(),
  batchSize = 50,
): Promise<number> {
  let done = 0;
  for (;;) {
    const handled = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(invoices)
        .where(
          and(
            eq(invoices.kind, 'hourly'),
            eq(invoices.paymentStatus, 'paid'),
            isNull(invoices.releasedAt),
            isNotNull(invoices.reviewEndsAt),
            or(lte(invoices.reviewEndsAt, at), isNotNull(invoices.approvedAt)),
          ),
        )
        .orderBy(asc(invoices.reviewEndsAt))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const invoice of due) {
        await releaseUndisputed(tx, invoice, at);
        await recordAudit(tx, {
          actorId: null,
          action: 'invoice.released',
          targetType: 'invoice',
          targetId: invoice.id,
          detail: `Review of ${invoice.number} ended: undisputed amount released`,
        });
      }
      return due.length;
    });
    done += handled;
    if (handled < batchSize) return done;
  }
}
