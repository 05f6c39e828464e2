import { and, asc, desc, eq, gt, gte, isNotNull, isNull, lt, ne, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { freelancerProfiles, timeEntries, users } from '@/db/schema';

export type TimeEntryRow = typeof timeEntries.$inferSelect;

/**
 * Serialises every write of one freelancer's time (on all of their contracts), so two
 * requests at once cannot both pass the overlap check. NO KEY UPDATE leaves the foreign-key
 * checks of other writes that reference the user unblocked.
 */
export async function lockFreelancerTime(tx: DbOrTx, freelancerId: string): Promise<void> {
  await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.id, freelancerId))
    .for('no key update');
}

/** The freelancer's entries, on any contract, that share a moment with [start, end); a running timer runs on. */
export async function findOverlappingEntries(
  db: DbOrTx,
  freelancerId: string,
  span: { startedAt: Date; endedAt: Date | null },
  exceptId?: string,
): Promise<TimeEntryRow[]> {
  const conditions: (SQL | undefined)[] = [
    eq(timeEntries.freelancerId, freelancerId),
    or(isNull(timeEntries.endedAt), gt(timeEntries.endedAt, span.startedAt)),
    span.endedAt ? lt(timeEntries.startedAt, span.endedAt) : undefined,
    exceptId ? ne(timeEntries.id, exceptId) : undefined,
  ];
  return db
    .select()
    .from(timeEntries)
    .where(and(...conditions))
    .orderBy(asc(timeEntries.startedAt))
    .limit(5);
}

/** The freelancer's running timer on any contract, if one runs. */
export async function findRunningTimerOf(db: DbOrTx, freelancerId: string) {
  const [row] = await db
    .select()
    .from(timeEntries)
    .where(and(eq(timeEntries.freelancerId, freelancerId), isNull(timeEntries.endedAt)))
    .limit(1);
  return row;
}

/** The freelancer's entry that ends last, for a new timer not to count a segment twice. */
export async function findLatestEndedEntryOf(db: DbOrTx, freelancerId: string) {
  const [row] = await db
    .select()
    .from(timeEntries)
    .where(and(eq(timeEntries.freelancerId, freelancerId), isNotNull(timeEntries.endedAt)))
    .orderBy(desc(timeEntries.endedAt))
    .limit(1);
  return row;
}

export async function findEntryForUpdate(tx: DbOrTx, entryId: string) {
  const [row] = await tx
    .select()
    .from(timeEntries)
    .where(eq(timeEntries.id, entryId))
    .for('update');
  return row;
}

/** The contract's entries that start in [from, to), running timers included, earliest first. */
export async function listContractEntries(db: DbOrTx, contractId: string, from: Date, to: Date) {
  return db
    .select()
    .from(timeEntries)
    .where(
      and(
        eq(timeEntries.contractId, contractId),
        gte(timeEntries.startedAt, from),
        lt(timeEntries.startedAt, to),
      ),
    )
    .orderBy(asc(timeEntries.startedAt), asc(timeEntries.id));
}

export async function insertEntries(
  tx: DbOrTx,
  rows: (typeof timeEntries.$inferInsert)[],
): Promise<TimeEntryRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(timeEntries).values(rows).returning();
}

/** Changes an entry still not invoiced; undefined when it was invoiced meanwhile. */
export async function updateOpenEntry(
  tx: DbOrTx,
  entryId: string,
  values: Partial<Pick<TimeEntryRow, 'startedAt' | 'endedAt' | 'memo'>>,
) {
  const [row] = await tx
    .update(timeEntries)
    .set(values)
    .where(and(eq(timeEntries.id, entryId), isNull(timeEntries.invoiceId)))
    .returning();
  return row;
}

export async function deleteOpenEntry(tx: DbOrTx, entryId: string): Promise<boolean> {
  const rows = await tx
    .delete(timeEntries)
    .where(and(eq(timeEntries.id, entryId), isNull(timeEntries.invoiceId)))
    .returning({ id: timeEntries.id });
  return rows.length === 1;
}

/** Ids of running timers started before `dayStart` (the tick splits them at midnight). */
export async function listTimersRunningSince(db: DbOrTx, dayStart: Date, limit: number) {
  return db
    .select({ id: timeEntries.id, freelancerId: timeEntries.freelancerId })
    .from(timeEntries)
    .where(and(isNull(timeEntries.endedAt), lt(timeEntries.startedAt, dayStart)))
    .orderBy(asc(timeEntries.startedAt))
    .limit(limit);
}

/** The freelancer's time zone (basic info), UTC when they have none. */
export async function timeZoneOfFreelancer(db: DbOrTx, freelancerId: string): Promise<string> {
  const [row] = await db
    .select({ timeZone: freelancerProfiles.timeZone })
    .from(freelancerProfiles)
    .where(eq(freelancerProfiles.userId, freelancerId));
  return row?.timeZone ?? 'UTC';
}
