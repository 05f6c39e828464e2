import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { payoutDestinations } from '@/db/schema';
import { now } from '@/lib/clock';
import {
  PayeeGoneError,
  PayoutRefusedError,
  routingOf,
  type PayoutProviders,
} from '@/lib/payments/payouts';
import { payeeOf } from './payee';
import { markPayeeClosed } from './payee-status';

/** What one payee's sync did: the requirements answered, or why nothing was. */
export type PayeeSyncOutcome =
  | { payeeRef: string; outcome: 'sent'; sent: string[] }
  | { payeeRef: string; outcome: 'nothing-due' | 'gone' | 'no-provider' }
  | { payeeRef: string; outcome: 'refused'; reason: string };

/**
 * Sends a freelancer's details to every live payee a provider opened for them (Stripe: their
 * connected account, shared by their US bank accounts), through the provider's updatePayee,
 * which sends only what the payee lists as due and we hold. Run by the `payee-sync` job
 * (jobs.ts), enqueued when the freelancer saves tax information, basic info or the profile and when
 * Stripe says an account needs something. Safe to repeat: the same details are the same
 * update at the provider (its idempotency key), and what was taken is no longer due.
 * - A refusal for good (PayoutRefusedError) is not retried: the same details would be refused
 *   again; its reason names only the field (the provider's message never passes), and the
 *   account's next `account.updated` tells the freelancer what is still due.
 * - A payee that is gone is marked closed, as a refused transfer would (markPayeeClosed).
 * - Anything else (no answer, a rate limit) throws, so the job is retried.
 */
export async function syncPayeeDetails(
  db: Db,
  providers: PayoutProviders,
  freelancerId: string,
): Promise<PayeeSyncOutcome[]> {
  const payees = await db
    .selectDistinct({
      provider: payoutDestinations.provider,
      payeeRef: payoutDestinations.payeeRef,
    })
    .from(payoutDestinations)
    .where(
      and(
        eq(payoutDestinations.freelancerId, freelancerId),
        isNull(payoutDestinations.payeeClosedAt),
      ),
    );
  if (payees.length === 0) return [];
  const routing = routingOf(providers);
  const payee = await payeeOf(db, freelancerId);
  const outcomes: PayeeSyncOutcome[] = [];
  for (const { provider: name, payeeRef } of payees) {
    const provider = routing.named(name);
    if (!provider?.updatePayee) {
      outcomes.push({ payeeRef, outcome: 'no-provider' });
      continue;
    }
    try {
      const { sent } = await provider.updatePayee({ payeeRef, payee });
      outcomes.push(
        sent.length > 0
          ? { payeeRef, outcome: 'sent', sent }
          : { payeeRef, outcome: 'nothing-due' },
      );
    } catch (error) {
      if (error instanceof PayeeGoneError) {
        await markPayeeClosed(db, name, payeeRef, now(), 'payee-sync');
        outcomes.push({ payeeRef, outcome: 'gone' });
      } else if (error instanceof PayoutRefusedError) {
        outcomes.push({ payeeRef, outcome: 'refused', reason: error.message });
      } else {
        throw error;
      }
    }
  }
  return outcomes;
}
