import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { simulatedPayouts } from '@/db/schema';
import { now } from '@/lib/clock';
import type { PayoutDestination, PayoutProvider, PayoutState } from './payouts';

/** A payout settles this long after it is accepted (the settlement job reads it then). */
export const SIMULATED_PAYOUT_DELAY_MS = 60_000;
/** A destination with "slow" in it settles after 3 days instead. */
export const SIMULATED_SLOW_PAYOUT_DELAY_MS = 3 * 24 * 60 * 60_000;

export const SIMULATED_PAYOUT_FAILURE =
  'The receiving account refused the payout (simulated: its details contain "fail").';

/**
 * Test and demo behaviour, read from the destination's label (the PayPal or Payoneer email,
 * or a bank account holder's name): "fail" anywhere fails the payout when it settles, "slow"
 * makes it settle after 3 days. `slow-fail@example.com` is a payout that fails after 3 days.
 */
export function simulatedPayoutBehaviour(destination: PayoutDestination) {
  const label = destination.label.toLowerCase();
  return {
    fails: label.includes('fail'),
    delayMs: label.includes('slow') ? SIMULATED_SLOW_PAYOUT_DELAY_MS : SIMULATED_PAYOUT_DELAY_MS,
  };
}

function stateOf(row: typeof simulatedPayouts.$inferSelect): PayoutState {
  if (row.settlesAt > now()) return { ref: row.ref, status: 'processing', failureReason: null };
  return { ref: row.ref, status: row.outcome, failureReason: row.failureReason };
}

/**
 * The embedded payout provider. It keeps its own books (simulated_payout) on the app's
 * database, outside the caller's transactions, as an outside system would; one payout per
 * idempotency key; it sends no webhooks (the settlement job polls it).
 */
export function createSimulatedPayoutProvider(db: Db): PayoutProvider {
  return {
    name: 'simulated',
    async createPayout(input) {
      const behaviour = simulatedPayoutBehaviour(input.destination);
      const ref = `sim_po_${randomBytes(12).toString('hex')}`;
      await db
        .insert(simulatedPayouts)
        .values({
          ref,
          idempotencyKey: input.idempotencyKey,
          destination: `${input.destination.kind}:${input.destination.last4}`,
          amountCents: input.amountCents,
          currency: input.currency,
          outcome: behaviour.fails ? 'failed' : 'paid',
          failureReason: behaviour.fails ? SIMULATED_PAYOUT_FAILURE : null,
          settlesAt: new Date(now().getTime() + behaviour.delayMs),
        })
        .onConflictDoNothing();
      const [row] = await db
        .select()
        .from(simulatedPayouts)
        .where(eq(simulatedPayouts.idempotencyKey, input.idempotencyKey));
      if (row.amountCents !== input.amountCents || row.currency !== input.currency) {
        throw new Error('A payout idempotency key was reused with another amount.');
      }
      return stateOf(row);
    },
    async readPayout(ref) {
      const [row] = await db.select().from(simulatedPayouts).where(eq(simulatedPayouts.ref, ref));
      if (!row) throw new Error(`No simulated payout ${ref}`);
      return stateOf(row);
    },
  };
}
