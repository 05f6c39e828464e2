/**
 * Whether new time on a contract is paused (SPEC 4.B, 4.C; MONEY-KEYS "Pausing new time"):
 * while a dispute on it is not resolved, or while one of its invoices has been
 * payment_failed for 7 days or more. Read from the dispute and invoice tables directly, so
 * it holds whichever helper wrote them. Returns the reason to show, or null.
 */
import { and, asc, eq, lte, ne } from 'drizzle-orm';
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
