import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { billingMethods, paymentCharges, simulatedCharges } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { addBillingMethod } from '@/lib/billing/service';
import type { PaymentProvider } from '@/lib/payments/provider';
import { createWorkspace } from './compliance-fixtures';

export const APPROVED_CARD = '4242 4242 4242 4242';
export const DECLINED_CARD = '4000 0000 0000 0002';
export const DECLINES_ON_CHARGE = '4000 0000 0000 0341';
export const SETTLES_LATE = '4000 0000 0000 1000';

/** A client workspace with one simulated card (its default), ready to be charged. */
export async function clientWithCard(
  db: Db,
  provider: PaymentProvider,
  number = APPROVED_CARD,
): Promise<{ inviter: Inviter; methodId: string }> {
  const inviter = await createWorkspace(db, 'company');
  const added = await addSimulatedCard(db, provider, inviter, number);
  if (!added.ok) throw new Error(added.message);
  return { inviter, methodId: added.methodId };
}

export function addSimulatedCard(
  db: Db,
  provider: PaymentProvider,
  inviter: Inviter,
  number: string,
) {
  return addBillingMethod(
    db,
    provider,
    inviter,
    { kind: 'simulated-card', number, expMonth: 12, expYear: 2040 },
    '203.0.113.7',
  );
}

export async function methodsOf(db: Db, workspaceId: string) {
  return db.select().from(billingMethods).where(eq(billingMethods.workspaceId, workspaceId));
}

export async function chargesOf(db: Db, workspaceId: string) {
  return db.select().from(paymentCharges).where(eq(paymentCharges.workspaceId, workspaceId));
}

/** What the simulated processor booked for a key prefix (our key plus ":attempt"). */
export async function processorChargesFor(db: Db, key: string) {
  const rows = await db.select().from(simulatedCharges);
  return rows.filter((r) => r.idempotencyKey.startsWith(`${key}:`));
}
