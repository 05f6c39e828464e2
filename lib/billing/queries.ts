import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { param, preparedQuery } from '@/db/prepared';
import { billingCustomers, billingMethods, paymentCharges } from '@/db/schema';
import type { ProviderName } from '@/lib/payments/provider';
import { isUuid } from '@/lib/text/uuid';

export type BillingMethodRow = typeof billingMethods.$inferSelect;
export type ChargeRow = typeof paymentCharges.$inferSelect;

const activeMethodsOf = (workspaceId: string) =>
  and(eq(billingMethods.workspaceId, workspaceId), isNull(billingMethods.removedAt));

/**
 * Whether the workspace has a card it can be charged on: one row's id at most, not the
 * cards (the client dashboard asks on every view).
 */
export async function hasActiveBillingMethod(db: DbOrTx, workspaceId: string): Promise<boolean> {
  const query = preparedQuery(db, 'hasActiveBillingMethod', (db) =>
    db
      .select({ id: billingMethods.id })
      .from(billingMethods)
      .where(
        and(eq(billingMethods.workspaceId, param('workspaceId')), isNull(billingMethods.removedAt)),
      )
      .limit(1),
  );
  return (await query.execute({ workspaceId })).length > 0;
}

/** The default first, then oldest first. */
export async function listActiveBillingMethods(
  db: DbOrTx,
  workspaceId: string,
): Promise<BillingMethodRow[]> {
  return db
    .select()
    .from(billingMethods)
    .where(activeMethodsOf(workspaceId))
    .orderBy(desc(billingMethods.isDefault), asc(billingMethods.createdAt), asc(billingMethods.id));
}

/** The workspace's own, not-removed method with this id; anyone else's id finds nothing. */
export async function findActiveBillingMethod(
  db: DbOrTx,
  workspaceId: string,
  id: string,
): Promise<BillingMethodRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(billingMethods)
    .where(and(activeMethodsOf(workspaceId), eq(billingMethods.id, id)));
  return row ?? null;
}

export async function findDefaultBillingMethod(
  db: DbOrTx,
  workspaceId: string,
): Promise<BillingMethodRow | null> {
  const [row] = await db
    .select()
    .from(billingMethods)
    .where(and(activeMethodsOf(workspaceId), eq(billingMethods.isDefault, true)));
  return row ?? null;
}

export async function findCustomerRef(
  db: DbOrTx,
  workspaceId: string,
  provider: ProviderName,
): Promise<string | null> {
  const [row] = await db
    .select({ ref: billingCustomers.customerRef })
    .from(billingCustomers)
    .where(
      and(eq(billingCustomers.workspaceId, workspaceId), eq(billingCustomers.provider, provider)),
    );
  return row?.ref ?? null;
}

/** Keeps the first customer written for the workspace (two tabs may race); returns it. */
export async function saveCustomerRef(
  db: DbOrTx,
  workspaceId: string,
  provider: ProviderName,
  ref: string,
): Promise<string> {
  await db
    .insert(billingCustomers)
    .values({ workspaceId, provider, customerRef: ref })
    .onConflictDoNothing();
  return (await findCustomerRef(db, workspaceId, provider))!;
}

export async function findCharge(db: DbOrTx, id: string): Promise<ChargeRow | null> {
  const [row] = await db.select().from(paymentCharges).where(eq(paymentCharges.id, id));
  return row ?? null;
}

export async function findChargeByKey(db: DbOrTx, key: string): Promise<ChargeRow | null> {
  const [row] = await db
    .select()
    .from(paymentCharges)
    .where(eq(paymentCharges.idempotencyKey, key));
  return row ?? null;
}
