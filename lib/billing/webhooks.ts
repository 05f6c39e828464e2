import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { paymentCharges, paymentEvents } from '@/db/schema';
import type { PaymentEvent, ProviderName } from '@/lib/payments/provider';
import { applyChargeState, type ChargeHookTable } from './charges';

export type EventOutcome = 'applied' | 'duplicate' | 'ignored' | 'unknown-charge';

/**
 * Applies a verified provider event once, by its id. An event about a charge we do not know
 * (another system's, or one whose first answer we never got: the settlement job learns it by
 * resending its key) changes nothing; so does one that arrives after a later state.
 */
export async function applyPaymentEvent(
  db: Db,
  provider: ProviderName,
  hooks: ChargeHookTable,
  event: PaymentEvent,
): Promise<EventOutcome> {
  const outcome = await decide(db, provider, hooks, event);
  const recorded = await db
    .insert(paymentEvents)
    .values({ id: event.id, provider, type: event.type, outcome })
    .onConflictDoNothing()
    .returning({ id: paymentEvents.id });
  // A replay that raced the first delivery found the charge already moved: still a duplicate.
  return recorded.length > 0 ? outcome : 'duplicate';
}

async function decide(
  db: Db,
  provider: ProviderName,
  hooks: ChargeHookTable,
  event: PaymentEvent,
): Promise<EventOutcome> {
  const [seen] = await db
    .select({ id: paymentEvents.id })
    .from(paymentEvents)
    .where(eq(paymentEvents.id, event.id));
  if (seen) return 'duplicate';
  if (!event.chargeRef || !event.status) return 'ignored';
  const [charge] = await db
    .select()
    .from(paymentCharges)
    .where(
      and(eq(paymentCharges.provider, provider), eq(paymentCharges.providerRef, event.chargeRef)),
    );
  if (!charge) return 'unknown-charge';
  const applied = await applyChargeState(db, hooks, charge.id, charge.attempt, {
    ref: event.chargeRef,
    status: event.status,
    failureReason: event.failureReason,
  });
  return applied.outcome;
}
