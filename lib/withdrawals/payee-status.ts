import { and, eq, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { payoutDestinations } from '@/db/schema';
import { recordAuditEntries } from '@/lib/audit/log';
import type { PayeeRequirementError, PayeeStatus } from '@/lib/payments/payouts';

/**
 * What a provider that registers payees (Stripe Connect) last said about the payee behind a
 * payout method: kept on its payout_destination rows (see db/schema/withdrawals.ts).
 */
export type PayeeStatusRow = {
  provider: string;
  payoutsEnabled: boolean;
  requirementsDue: string[];
  /** By when what is due must be given (Stripe then stops payouts), or null. */
  deadline: Date | null;
  /** What the provider refused in what it was given (requirement names and codes). */
  errors: PayeeRequirementError[];
  disabledReason: string | null;
  /** The provider said the payee is gone: the method's next payout registers a new one. */
  closed: boolean;
};

export type PayeeStatusOutcome = 'payee-updated' | 'payee-closed' | 'ignored' | 'unknown-payee';

/**
 * Stores a payee's status on every destination of that payee (a freelancer's methods share
 * one connected account), unless what is stored is newer: an event that arrives after a
 * later one changes nothing. Stripe's `created` is in whole seconds, so an event of the same
 * second as the stored one replaces it (its delivery is the later, the best order there is).
 * One statement, so a concurrent older event cannot leave the rows disagreeing for long:
 * each row is re-checked under its lock. Returns the freelancers whose rows changed (for the
 * caller to send them what Stripe now asks for, payee-sync.ts).
 */
export async function applyPayeeStatus(
  db: DbOrTx,
  provider: string,
  status: PayeeStatus,
): Promise<{ outcome: PayeeStatusOutcome; freelancerIds: string[] }> {
  const ofPayee = and(
    eq(payoutDestinations.provider, provider),
    eq(payoutDestinations.payeeRef, status.payeeRef),
  );
  const updated = await db
    .update(payoutDestinations)
    .set({
      payoutsEnabled: status.payoutsEnabled,
      requirementsDue: status.requirementsDue,
      requirementsEventuallyDue: status.eventuallyDue,
      requirementsDeadline: status.deadline,
      requirementErrors: status.errors,
      disabledReason: status.disabledReason,
      payeeStatusAt: status.asOf,
    })
    .where(
      and(
        ofPayee,
        or(
          isNull(payoutDestinations.payeeStatusAt),
          lte(payoutDestinations.payeeStatusAt, status.asOf),
        ),
      ),
    )
    .returning({ freelancerId: payoutDestinations.freelancerId });
  if (updated.length > 0) {
    return {
      outcome: 'payee-updated',
      freelancerIds: [...new Set(updated.map((row) => row.freelancerId))],
    };
  }
  const known = (await db.$count(payoutDestinations, ofPayee)) > 0;
  return { outcome: known ? 'ignored' : 'unknown-payee', freelancerIds: [] };
}

/**
 * The provider says the payee is gone (Stripe: `account.application.deauthorized`, or a
 * `resource_missing` answer when paying it): every destination of that payee is marked
 * closed, with one audit entry for each, in one transaction. Nothing is sent to it again:
 * the method's next payout registers a new payee (registeredDestinationOf), which replaces
 * the row. Marked once: a second word about the same payee is `ignored`.
 */
export async function markPayeeClosed(
  db: Db,
  provider: string,
  payeeRef: string,
  at: Date,
  why: string,
): Promise<PayeeStatusOutcome> {
  return db.transaction(async (tx) => {
    const ofPayee = and(
      eq(payoutDestinations.provider, provider),
      eq(payoutDestinations.payeeRef, payeeRef),
    );
    const closed = await tx
      .update(payoutDestinations)
      .set({ payeeClosedAt: at })
      .where(and(ofPayee, isNull(payoutDestinations.payeeClosedAt)))
      .returning({
        methodId: payoutDestinations.payoutMethodId,
        freelancerId: payoutDestinations.freelancerId,
      });
    if (closed.length === 0) {
      return (await tx.$count(payoutDestinations, ofPayee)) > 0 ? 'ignored' : 'unknown-payee';
    }
    await recordAuditEntries(
      tx,
      closed.map((row) => ({
        actorId: null,
        action: 'payout_destination.closed' as const,
        targetType: 'payout_method',
        targetId: row.methodId,
        detail: `${provider} payee ${payeeRef} is gone (${why}); the next payout registers a new one`,
      })),
    );
    return 'payee-closed';
  });
}

/** The stored status of each of these methods that has one (by payout method id). */
export async function payeeStatusesOf(
  db: DbOrTx,
  payoutMethodIds: string[],
): Promise<Map<string, PayeeStatusRow>> {
  if (payoutMethodIds.length === 0) return new Map();
  const rows = await db
    .select({
      methodId: payoutDestinations.payoutMethodId,
      provider: payoutDestinations.provider,
      payoutsEnabled: payoutDestinations.payoutsEnabled,
      requirementsDue: payoutDestinations.requirementsDue,
      deadline: payoutDestinations.requirementsDeadline,
      errors: payoutDestinations.requirementErrors,
      disabledReason: payoutDestinations.disabledReason,
      closedAt: payoutDestinations.payeeClosedAt,
    })
    .from(payoutDestinations)
    .where(
      and(
        inArray(payoutDestinations.payoutMethodId, payoutMethodIds),
        or(
          isNotNull(payoutDestinations.payeeStatusAt),
          isNotNull(payoutDestinations.payeeClosedAt),
        ),
      ),
    );
  return new Map(
    rows.map((r) => [
      r.methodId,
      {
        provider: r.provider,
        payoutsEnabled: r.payoutsEnabled ?? true,
        requirementsDue: r.requirementsDue ?? [],
        deadline: r.deadline,
        errors: r.errors ?? [],
        disabledReason: r.disabledReason,
        closed: r.closedAt !== null,
      },
    ]),
  );
}

export async function findPayeeStatus(
  db: DbOrTx,
  payoutMethodId: string,
): Promise<PayeeStatusRow | null> {
  return (await payeeStatusesOf(db, [payoutMethodId])).get(payoutMethodId) ?? null;
}
