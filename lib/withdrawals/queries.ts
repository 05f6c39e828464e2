import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { withdrawals } from '@/db/schema';

export type WithdrawalRow = typeof withdrawals.$inferSelect;

/** One of the freelancer's own withdrawals; anyone else's id finds nothing. */
export async function findWithdrawalOf(
  db: DbOrTx,
  freelancerId: string,
  id: string,
): Promise<WithdrawalRow | undefined> {
  const [row] = await db
    .select()
    .from(withdrawals)
    .where(and(eq(withdrawals.freelancerId, freelancerId), eq(withdrawals.id, id)));
  return row;
}

export async function findWithdrawalByKey(
  db: DbOrTx,
  freelancerId: string,
  idempotencyKey: string,
): Promise<WithdrawalRow | undefined> {
  const [row] = await db
    .select()
    .from(withdrawals)
    .where(
      and(
        eq(withdrawals.freelancerId, freelancerId),
        eq(withdrawals.idempotencyKey, idempotencyKey),
      ),
    );
  return row;
}

/** The withdrawal, locked for its state change (a second worker waits, then sees the new state). */
export async function lockWithdrawal(db: DbOrTx, id: string): Promise<WithdrawalRow | undefined> {
  const [row] = await db.select().from(withdrawals).where(eq(withdrawals.id, id)).for('update');
  return row;
}

/** Withdrawals not yet accepted by the provider whose next try has come. */
export async function dueRequestedWithdrawals(db: DbOrTx, at: Date, limit: number) {
  return db
    .select({ id: withdrawals.id })
    .from(withdrawals)
    .where(and(eq(withdrawals.status, 'requested'), lte(withdrawals.nextAttemptAt, at)))
    .orderBy(asc(withdrawals.nextAttemptAt))
    .limit(limit);
}

/** Processing withdrawals accepted after `since` whose next look has come. */
export async function dueProcessingWithdrawals(db: DbOrTx, at: Date, since: Date, limit: number) {
  return db
    .select({ id: withdrawals.id })
    .from(withdrawals)
    .where(
      and(
        eq(withdrawals.status, 'processing'),
        lte(withdrawals.nextAttemptAt, at),
        gt(withdrawals.submittedAt, since),
      ),
    )
    .orderBy(asc(withdrawals.nextAttemptAt))
    .limit(limit);
}

/** Processing withdrawals accepted at or before `before` whose next look has come. */
export async function staleProcessingWithdrawals(
  db: DbOrTx,
  at: Date,
  before: Date,
  limit: number,
) {
  return db
    .select({ id: withdrawals.id })
    .from(withdrawals)
    .where(
      and(
        eq(withdrawals.status, 'processing'),
        lte(withdrawals.submittedAt, before),
        lte(withdrawals.nextAttemptAt, at),
      ),
    )
    .orderBy(asc(withdrawals.nextAttemptAt))
    .limit(limit);
}
