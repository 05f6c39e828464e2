/**
 * Whether new time on a contract is paused (SPEC 4.B, 4.C; MONEY-KEYS "Pausing new time"):
 * while a dispute on it is not resolved, or while one of its invoices has been
 * payment_failed for 7 days or more. Read from the dispute and invoice tables directly, so
 * it holds whichever helper wrote them. Returns the reason to show, or null.
 */
import { and, asc, eq, gt, isNull, lt, lte, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { disputes, invoices } from '@/db/schema';

const PAYMENT_GRACE_MS = 7 * 86_400_000;

export async function pauseReasonOf(
  db: DbOrTx,
  contractId: string,
  at: Date,
): Promise<string | null> {
  const [dispute] = await db
    .select({ id: disputes.id })
    .from(disputes)
    .where(and(eq(disputes.contractId, contractId), ne(disputes.status, 'resolved')))
    .limit(1);
  if (dispute) {
    return 'New time is paused while a dispute on this contract is open. It resumes once the dispute is resolved.';
  }
  const [unpaid] = await db
    .select({ number: invoices.number })
    .from(invoices)
    .where(
      and(
        eq(invoices.contractId, contractId),
        eq(invoices.paymentStatus, 'payment_failed'),
        lte(invoices.paymentFailedAt, new Date(at.getTime() - PAYMENT_GRACE_MS)),
      ),
    )
    .orderBy(asc(invoices.paymentFailedAt))
    .limit(1);
  if (unpaid) {
    return `New time is paused: the client's payment of invoice ${unpaid.number} has failed for 7 days or more. It resumes once the invoice is paid.`;
  }
  return null;
}

/**
 * The first moment in [from, to) at which new time on the contract was paused: the opening
 * of a dispute not resolved by `from`, or 7 days after a failed payment not paid by then.
 * null when it was not paused in that stretch. A running timer records nothing after it.
 */
export async function pausedFromDuring(
  db: DbOrTx,
  contractId: string,
  from: Date,
  to: Date,
): Promise<Date | null> {
  const [openDisputes, failedInvoices] = await Promise.all([
    db
      .select({ openedAt: disputes.createdAt })
      .from(disputes)
      .where(
        and(
          eq(disputes.contractId, contractId),
          lt(disputes.createdAt, to),
          or(isNull(disputes.resolvedAt), gt(disputes.resolvedAt, from)),
        ),
      ),
    db
      .select({ failedAt: invoices.paymentFailedAt, paidAt: invoices.paidAt })
      .from(invoices)
      .where(
        and(
          eq(invoices.contractId, contractId),
          lt(invoices.paymentFailedAt, new Date(to.getTime() - PAYMENT_GRACE_MS)),
          or(isNull(invoices.paidAt), gt(invoices.paidAt, from)),
        ),
      ),
  ]);
  const starts = [
    ...openDisputes.map((d) => d.openedAt),
    ...failedInvoices
      .map((i) => ({
        pausedAt: new Date(i.failedAt!.getTime() + PAYMENT_GRACE_MS),
        paidAt: i.paidAt,
      }))
      .filter((i) => !i.paidAt || i.paidAt > i.pausedAt)
      .map((i) => i.pausedAt),
  ].map((at) => Math.max(at.getTime(), from.getTime()));
  return starts.length === 0 ? null : new Date(Math.min(...starts));
}
