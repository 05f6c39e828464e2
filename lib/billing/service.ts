import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { billingMethods, clientWorkspaces } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { recordAudit } from '@/lib/audit/log';
import { now } from '@/lib/clock';
import { brandLabel } from '@/lib/payments/cards';
import type { BillingMethodToken, PaymentProvider } from '@/lib/payments/provider';
import {
  findActiveBillingMethod,
  findCustomerRef,
  findDefaultBillingMethod,
  hasActiveBillingMethod,
  listActiveBillingMethods,
  saveCustomerRef,
  type BillingMethodRow,
} from './queries';

export type BillingMethodView = {
  id: string;
  title: string;
  brand: string;
  last4: string;
  expires: string;
  isDefault: boolean;
};

export type BillingResult =
  | { ok: true; methodId: string }
  | { ok: false; reason: 'declined' | 'invalid' | 'not-found' | 'unavailable'; message: string };

const NOT_FOUND = {
  ok: false,
  reason: 'not-found',
  message: 'This billing method was not found. Reload the page to see your billing methods.',
} as const;

const UNAVAILABLE = {
  ok: false,
  reason: 'unavailable',
  message: 'We could not reach our card processor. Nothing was saved; please try again.',
} as const;

const titleOf = (m: Pick<BillingMethodRow, 'brand' | 'last4'>) =>
  `${brandLabel(m.brand)} ending in ${m.last4}`;

function toView(m: BillingMethodRow): BillingMethodView {
  return {
    id: m.id,
    title: titleOf(m),
    brand: brandLabel(m.brand),
    last4: m.last4,
    expires: `${String(m.expMonth).padStart(2, '0')}/${String(m.expYear % 100).padStart(2, '0')}`,
    isDefault: m.isDefault,
  };
}

export async function listBillingMethods(db: DbOrTx, workspaceId: string) {
  return (await listActiveBillingMethods(db, workspaceId)).map(toView);
}

export async function hasBillingMethod(db: DbOrTx, workspaceId: string): Promise<boolean> {
  return hasActiveBillingMethod(db, workspaceId);
}

/** The workspace's customer at the provider, created on first need. */
export async function ensureCustomer(
  db: Db,
  provider: PaymentProvider,
  inviter: Inviter,
): Promise<string> {
  const known = await findCustomerRef(db, inviter.workspaceId, provider.name);
  if (known) return known;
  const created = await provider.createCustomer({
    reference: inviter.workspaceId,
    name: inviter.workspaceName,
  });
  return saveCustomerRef(db, inviter.workspaceId, provider.name, created.ref);
}

/** For the Stripe path: the SetupIntent secret that Stripe.js confirms the card with. */
export async function startBillingMethodSetup(
  db: Db,
  provider: PaymentProvider,
  inviter: Inviter,
): Promise<{ clientSecret: string } | null> {
  const customerRef = await ensureCustomer(db, provider, inviter);
  return provider.startSetup(customerRef);
}

/** Serialises changes to one workspace's methods (the one-default rule). */
async function lockWorkspace(tx: DbOrTx, workspaceId: string) {
  await tx
    .select({ id: clientWorkspaces.id })
    .from(clientWorkspaces)
    .where(eq(clientWorkspaces.id, workspaceId))
    .for('update');
}

/**
 * Saves a card with the provider, then keeps its reference, brand, last 4 and expiry (never
 * the number). The first method becomes the default. A decline saves nothing.
 */
export async function addBillingMethod(
  db: Db,
  provider: PaymentProvider,
  inviter: Inviter,
  token: BillingMethodToken,
  ip: string | null,
): Promise<BillingResult> {
  let saved;
  try {
    const customerRef = await ensureCustomer(db, provider, inviter);
    saved = await provider.saveBillingMethod(customerRef, token);
  } catch (error) {
    console.error('[billing] saving a billing method failed:', (error as Error).message);
    return UNAVAILABLE;
  }
  if (!saved.ok) return saved;
  const { card } = saved;
  return db.transaction(async (tx) => {
    await lockWorkspace(tx, inviter.workspaceId);
    const currentDefault = await findDefaultBillingMethod(tx, inviter.workspaceId);
    const [row] = await tx
      .insert(billingMethods)
      .values({
        workspaceId: inviter.workspaceId,
        provider: provider.name,
        providerRef: card.ref,
        brand: card.brand,
        last4: card.last4,
        expMonth: card.expMonth,
        expYear: card.expYear,
        isDefault: currentDefault === null,
      })
      .returning();
    await recordAudit(tx, {
      actorId: inviter.userId,
      action: 'billing.method_added',
      targetType: 'billing_method',
      targetId: row.id,
      ip,
      detail: titleOf(row),
    });
    return { ok: true, methodId: row.id };
  });
}

/** Makes one of the workspace's own methods its default; another workspace's id changes nothing. */
export async function setDefaultBillingMethod(
  db: Db,
  inviter: Inviter,
  methodId: string,
  ip: string | null,
): Promise<BillingResult> {
  return db.transaction(async (tx) => {
    await lockWorkspace(tx, inviter.workspaceId);
    const method = await findActiveBillingMethod(tx, inviter.workspaceId, methodId);
    if (!method) return NOT_FOUND;
    if (method.isDefault) return { ok: true, methodId };
    await tx
      .update(billingMethods)
      .set({ isDefault: false })
      .where(
        and(
          eq(billingMethods.workspaceId, inviter.workspaceId),
          eq(billingMethods.isDefault, true),
        ),
      );
    await tx
      .update(billingMethods)
      .set({ isDefault: true })
      .where(eq(billingMethods.id, method.id));
    await recordAudit(tx, {
      actorId: inviter.userId,
      action: 'billing.default_changed',
      targetType: 'billing_method',
      targetId: method.id,
      ip,
      detail: titleOf(method),
    });
    return { ok: true, methodId };
  });
}

/**
 * Removes (soft) one of the workspace's own methods; the oldest remaining one becomes the
 * default if this was it. The provider forgets the card after our change is committed.
 */
export async function removeBillingMethod(
  db: Db,
  provider: PaymentProvider,
  inviter: Inviter,
  methodId: string,
  ip: string | null,
): Promise<BillingResult> {
  const result = await db.transaction(async (tx) => {
    await lockWorkspace(tx, inviter.workspaceId);
    const method = await findActiveBillingMethod(tx, inviter.workspaceId, methodId);
    if (!method) return NOT_FOUND;
    await tx
      .update(billingMethods)
      .set({ isDefault: false, removedAt: now() })
      .where(eq(billingMethods.id, method.id));
    if (method.isDefault) {
      const [next] = await tx
        .select({ id: billingMethods.id })
        .from(billingMethods)
        .where(
          and(
            eq(billingMethods.workspaceId, inviter.workspaceId),
            isNull(billingMethods.removedAt),
            ne(billingMethods.id, method.id),
          ),
        )
        .orderBy(asc(billingMethods.createdAt), asc(billingMethods.id))
        .limit(1);
      if (next)
        await tx
          .update(billingMethods)
          .set({ isDefault: true })
          .where(eq(billingMethods.id, next.id));
    }
    await recordAudit(tx, {
      actorId: inviter.userId,
      action: 'billing.method_removed',
      targetType: 'billing_method',
      targetId: method.id,
      ip,
      detail: titleOf(method),
    });
    return {
      ok: true as const,
      methodId: method.id,
      providerRef: method.providerRef,
      provider: method.provider,
    };
  });
  if (!result.ok) return result;
  if (result.provider === provider.name) {
    // Our side is done; a card the provider still keeps is unusable by us, so only log it.
    await provider
      .removeBillingMethod(result.providerRef)
      .catch((error: Error) =>
        console.error('[billing] the provider did not forget a removed card:', error.message),
      );
  }
  return { ok: true, methodId: result.methodId };
}
