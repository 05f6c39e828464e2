import { and, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { paymentEvents, withdrawals } from '@/db/schema';
import { enqueuePayeeSync } from '@/lib/payments/payee-sync-queue';
import type { PayeeStatus, PayoutEvent } from '@/lib/payments/payouts';
import { now } from '@/lib/clock';
import { isUuid } from '@/lib/text/uuid';
import { applyPayeeStatus, markPayeeClosed, type PayeeStatusOutcome } from './payee-status';
import { applyPayoutState, type Applied } from './settle';

export type PayoutEventOutcome = Applied | PayeeStatusOutcome | 'duplicate' | 'unknown-payout';

const KEY_PREFIX = 'withdrawal:';

/**
 * The withdrawal a payout event is about: by the payout's ref, or, for an event that
 * arrives before we learnt the ref (the answer to our call timed out), by the key the
 * payout was created under (`withdrawal:<id>`), if no other payout was recorded for it.
 */
async function withdrawalIdOf(db: Db, provider: 'stripe', event: PayoutEvent) {
  const [byRef] = await db
    .select({ id: withdrawals.id })
    .from(withdrawals)
    .where(and(eq(withdrawals.provider, provider), eq(withdrawals.providerRef, event.payoutRef!)));
  if (byRef) return byRef.id;
  const id = event.idempotencyKey?.startsWith(KEY_PREFIX)
    ? event.idempotencyKey.slice(KEY_PREFIX.length)
    : '';
  if (!isUuid(id)) return null;
  const [byKey] = await db
    .select({ id: withdrawals.id })
    .from(withdrawals)
    .where(
      and(
        eq(withdrawals.id, id),
        or(isNull(withdrawals.providerRef), eq(withdrawals.providerRef, event.payoutRef!)),
      ),
    );
  return byKey?.id ?? null;
}

/**
 * A payee's new status, and, when it lists anything as due (now or later), a sync of the
 * freelancer's details enqueued in the same transaction (payee-sync.ts sends only what is
 * due and held, so a detail we lack costs one read of the account and nothing else).
 */
async function applyPayeeStatusAndSync(
  db: Db,
  provider: 'stripe',
  status: PayeeStatus,
): Promise<PayeeStatusOutcome> {
  return db.transaction(async (tx) => {
    const { outcome, freelancerIds } = await applyPayeeStatus(tx, provider, status);
    if (status.requirementsDue.length > 0 || status.eventuallyDue.length > 0) {
      for (const freelancerId of freelancerIds) await enqueuePayeeSync(tx, freelancerId);
    }
    return outcome;
  });
}

/**
 * Applies a verified payout or payee event once, by its id (kept in payment_event with the
 * charge events: the provider's event ids are unique across both). The state machine moves
 * only forward, so an event older than what we know (in_transit after paid) changes
 * nothing; a payee's status (Stripe's account.updated) is kept only if it is not older
 * than the one stored (applyPayeeStatus), and one that asks for something enqueues the sync
 * of the freelancer's details (applyPayeeStatusAndSync); a payee that is gone is marked closed once
 * (markPayeeClosed).
 */
export async function applyPayoutEvent(
  db: Db,
  provider: 'stripe',
  event: PayoutEvent,
): Promise<PayoutEventOutcome> {
  const [seen] = await db
    .select({ id: paymentEvents.id })
    .from(paymentEvents)
    .where(eq(paymentEvents.id, event.id));
  if (seen) return 'duplicate';
  let outcome: PayoutEventOutcome = 'ignored';
  if (event.payoutRef && event.state) {
    const withdrawalId = await withdrawalIdOf(db, provider, event);
    outcome = withdrawalId
      ? await applyPayoutState(db, withdrawalId, provider, event.state)
      : 'unknown-payout';
  } else if (event.payee) {
    outcome = await applyPayeeStatusAndSync(db, provider, event.payee);
  } else if (event.closedPayeeRef) {
    outcome = await markPayeeClosed(db, provider, event.closedPayeeRef, now(), event.type);
  }
  const recorded = await db
    .insert(paymentEvents)
    .values({ id: event.id, provider, type: event.type, outcome })
    .onConflictDoNothing()
    .returning({ id: paymentEvents.id });
  // A replay racing the first delivery found the withdrawal already moved: still a duplicate.
  return recorded.length > 0 ? outcome : 'duplicate';
}
