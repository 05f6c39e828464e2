import { and, asc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { contracts, disputeEntries, disputes, invoices, timeEntries } from '@/db/schema';
import { findContractForViewer, type ContractViewer } from '@/lib/contracts/access';

/**
 * The disputes of a contract not yet resolved, oldest first: what pauses new time, and the
 * notice the contract page shows both sides ("a dispute waits for …", with a link to
 * /contracts/[id]/disputes/[disputeId]). No authorization: the caller scoped the contract.
 */
export async function listUnresolvedDisputes(db: DbOrTx, contractId: string) {
  return db
    .select({
      id: disputes.id,
      invoiceId: disputes.invoiceId,
      invoiceNumber: invoices.number,
      status: disputes.status,
      disputedCents: disputes.disputedCents,
      currency: invoices.currency,
      answerDueAt: disputes.answerDueAt,
      opsDueAt: disputes.opsDueAt,
    })
    .from(disputes)
    .innerJoin(invoices, eq(invoices.id, disputes.invoiceId))
    .where(and(eq(disputes.contractId, contractId), ne(disputes.status, 'resolved')))
    .orderBy(asc(disputes.createdAt));
}

/**
 * Ops' queue: disputes the freelancer rejected, awaiting a decision. Overdue ones (past the
 * 4 business days) come first, flagged; then the rest by due date, oldest first. A missed
 * due date decides nothing by itself: the dispute stays here, flagged, until ops decides.
 */
export async function listOpsQueue(db: DbOrTx, at: Date) {
  const rows = await selectOpsItems(db)
    .where(eq(disputes.status, 'awaiting_ops'))
    .orderBy(asc(disputes.opsDueAt), asc(disputes.id));
  // Ordered by due date, the overdue ones are already first: the flag is for the eye.
  return rows.map((row) => ({ ...row, isOverdue: row.opsDueAt !== null && row.opsDueAt <= at }));
}

/** One dispute of the ops queue (awaiting ops), or null. Callers are ops reviewers. */
export async function findOpsQueueItem(db: DbOrTx, disputeId: string, at: Date) {
  const [row] = await selectOpsItems(db).where(
    and(eq(disputes.id, disputeId), eq(disputes.status, 'awaiting_ops')),
  );
  return row ? { ...row, isOverdue: row.opsDueAt !== null && row.opsDueAt <= at } : null;
}

function selectOpsItems(db: DbOrTx) {
  return db
    .select({
      id: disputes.id,
      contractId: disputes.contractId,
      contractTitle: contracts.title,
      invoiceNumber: invoices.number,
      currency: invoices.currency,
      disputedCents: disputes.disputedCents,
      reason: disputes.reason,
      freelancerAnswer: disputes.freelancerAnswer,
      answeredAt: disputes.answeredAt,
      opsDueAt: disputes.opsDueAt,
    })
    .from(disputes)
    .innerJoin(invoices, eq(invoices.id, disputes.invoiceId))
    .innerJoin(contracts, eq(contracts.id, disputes.contractId))
    .$dynamic();
}

/**
 * A dispute as the viewer may see it (the client's workspace, the freelancer, or ops), with
 * its entries and its history from the audit log; null for anyone else or an unknown id.
 */
export async function findDisputeForViewer(
  db: DbOrTx,
  viewer: ContractViewer,
  contractId: string,
  disputeId: string,
) {
  const found = await findContractForViewer(db, contractId, viewer);
  if (!found) return null;
  const [row] = await db
    .select({ dispute: disputes, invoice: invoices })
    .from(disputes)
    .innerJoin(invoices, eq(invoices.id, disputes.invoiceId))
    .where(and(eq(disputes.id, disputeId), eq(disputes.contractId, contractId)));
  if (!row) return null;
  const entries = await db
    .select({
      id: timeEntries.id,
      startedAt: timeEntries.startedAt,
      endedAt: timeEntries.endedAt,
      memo: timeEntries.memo,
      minutes: disputeEntries.minutes,
      amountCents: disputeEntries.amountCents,
    })
    .from(disputeEntries)
    .innerJoin(timeEntries, eq(timeEntries.id, disputeEntries.timeEntryId))
    .where(eq(disputeEntries.disputeId, disputeId))
    .orderBy(asc(timeEntries.startedAt));
  return { ...found, ...row, entries, history: disputeHistory(row.dispute) };
}

type DisputeRow = typeof disputes.$inferSelect;

const RESOLUTION_TEXT: Record<NonNullable<DisputeRow['resolution']>, string> = {
  refunded_all: 'Refunded in full',
  refunded_part: 'Refunded in part',
  paid: 'Paid to the freelancer',
  refunded_no_answer: 'Refunded: no answer within 3 business days',
};

/**
 * The dispute's steps in order, from its own times (set from the clock each step read):
 * opened, the freelancer's answer, the resolution. The audit log keeps the same steps with
 * who did them and from where.
 */
export function disputeHistory(dispute: DisputeRow): { at: Date; text: string }[] {
  const steps = [{ at: dispute.createdAt, text: `Disputed by the client: “${dispute.reason}”` }];
  // Only a rejection sets an ops due date; a refund answer is the resolution itself.
  if (dispute.answeredAt && dispute.opsDueAt) {
    steps.push({
      at: dispute.answeredAt,
      text: `Rejected by the freelancer: “${dispute.freelancerAnswer ?? ''}”; sent to ops`,
    });
  }
  if (dispute.resolution && dispute.resolvedAt) {
    const note = dispute.resolutionNote ? `: “${dispute.resolutionNote}”` : '';
    steps.push({ at: dispute.resolvedAt, text: `${RESOLUTION_TEXT[dispute.resolution]}${note}` });
  }
  return steps;
}
