import { and, asc, eq, isNull, sql, type Placeholder } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { param, preparedQuery } from '@/db/prepared';
import { payoutMethods } from '@/db/schema';
import { isUuid } from '@/lib/text/uuid';

export type PayoutMethodInsert = typeof payoutMethods.$inferInsert;

/** Everything a page may see of a method: never the encrypted columns. */
export const visibleColumns = {
  id: payoutMethods.id,
  kind: payoutMethods.kind,
  holderName: payoutMethods.holderName,
  accountType: payoutMethods.accountType,
  email: payoutMethods.email,
  last4: payoutMethods.last4,
  isDefault: payoutMethods.isDefault,
  usableAfter: payoutMethods.usableAfter,
  createdAt: payoutMethods.createdAt,
};

export type PayoutMethodRow = {
  id: string;
  kind: 'us_bank' | 'iban' | 'paypal' | 'payoneer';
  holderName: string | null;
  accountType: 'checking' | 'savings' | null;
  email: string | null;
  last4: string;
  isDefault: boolean;
  usableAfter: Date;
  createdAt: Date;
};

/** Oldest first: the order every list of methods shows. */
export const PAYOUT_METHOD_ORDER = [asc(payoutMethods.createdAt), asc(payoutMethods.id)];

/** The user's methods that are not removed: what any page or action may list or touch. */
export const activePayoutMethodsOf = (userId: string | Placeholder) =>
  and(eq(payoutMethods.userId, userId), isNull(payoutMethods.removedAt));

export async function listActivePayoutMethods(
  db: DbOrTx,
  userId: string,
): Promise<PayoutMethodRow[]> {
  const query = preparedQuery(db, 'listActivePayoutMethods', (db) =>
    db
      .select(visibleColumns)
      .from(payoutMethods)
      .where(activePayoutMethodsOf(param('userId')))
      .orderBy(...PAYOUT_METHOD_ORDER),
  );
  return query.execute({ userId });
}

/** The user's own, not-removed method with this id; anyone else's id finds nothing. */
export async function findActivePayoutMethod(
  db: DbOrTx,
  userId: string,
  id: string,
): Promise<PayoutMethodRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select(visibleColumns)
    .from(payoutMethods)
    .where(and(activePayoutMethodsOf(userId), eq(payoutMethods.id, id)));
  return row;
}

/** The user has no default method yet (removed methods do not count). */
const hasNoDefault = (userId: string) =>
  sql`not exists (select 1 from ${payoutMethods} where ${payoutMethods.userId} = ${userId} and ${payoutMethods.isDefault} and ${payoutMethods.removedAt} is null)`;

/**
 * Inserts a method; it becomes the default when the user has none. Two first methods added
 * at once both find no default: the one-default index lets the first in, and the second
 * (after waiting for the first to commit) goes in as a non-default method, so both are saved
 * and nobody has to type their bank details again.
 */
export async function insertPayoutMethod(
  tx: DbOrTx,
  values: Omit<PayoutMethodInsert, 'isDefault'>,
): Promise<PayoutMethodRow> {
  const [asDefault] = await tx
    .insert(payoutMethods)
    .values({ ...values, isDefault: hasNoDefault(values.userId) })
    .onConflictDoNothing({
      target: payoutMethods.userId,
      where: sql`is_default and removed_at is null`,
    })
    .returning(visibleColumns);
  if (asDefault) return asDefault;
  const [row] = await tx
    .insert(payoutMethods)
    .values({ ...values, isDefault: false })
    .returning(visibleColumns);
  return row;
}

export async function softRemovePayoutMethod(
  tx: DbOrTx,
  userId: string,
  id: string,
): Promise<PayoutMethodRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await tx
    .update(payoutMethods)
    .set({ removedAt: new Date(), isDefault: false })
    .where(and(activePayoutMethodsOf(userId), eq(payoutMethods.id, id)))
    .returning(visibleColumns);
  return row;
}

export async function clearDefaultPayoutMethod(tx: DbOrTx, userId: string): Promise<void> {
  await tx
    .update(payoutMethods)
    .set({ isDefault: false })
    .where(and(activePayoutMethodsOf(userId), eq(payoutMethods.isDefault, true)));
}

export async function markDefaultPayoutMethod(
  tx: DbOrTx,
  userId: string,
  id: string,
): Promise<PayoutMethodRow | undefined> {
  const [row] = await tx
    .update(payoutMethods)
    .set({ isDefault: true })
    .where(and(activePayoutMethodsOf(userId), eq(payoutMethods.id, id)))
    .returning(visibleColumns);
  return row;
}

/** After the default is removed, the oldest remaining method takes over. */
export async function promoteOldestPayoutMethod(tx: DbOrTx, userId: string): Promise<void> {
  await tx.execute(sql`
    update ${payoutMethods} set is_default = true
    where id = (
      select id from ${payoutMethods}
      where user_id = ${userId} and removed_at is null
      order by created_at, id limit 1
    )`);
}
