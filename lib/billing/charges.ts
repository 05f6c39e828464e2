import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { billingMethods, paymentCharges } from '@/db/schema';
import { now } from '@/lib/clock';
import type { ChargeState, PaymentProvider } from '@/lib/payments/provider';
import {
  findChargeByKey,
  findCustomerRef,
  findDefaultBillingMethod,
  type ChargeRow,
} from './queries';

/**
 * What the domain that asked for a charge does when it settles, registered per source type
 * (lib/server/jobs.ts): post the money to the ledger, mark an invoice paid or payment_failed,
 * email the client. They run inside the transaction that records the charge's new state,
 * once per state (the state change is guarded), so what they write is never doubled.
 */
export type ChargeHooks = {
  onSettled?: (tx: Tx, charge: ChargeRow) => Promise<void>;
  onFailed?: (tx: Tx, charge: ChargeRow, retry: { willRetry: boolean }) => Promise<void>;
};
export type ChargeHookTable = Record<string, ChargeHooks>;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The wait after each declined attempt before the next: retries on days 1, 3 and 7. */
export const RETRY_DELAYS_MS = [1 * DAY_MS, 2 * DAY_MS, 4 * DAY_MS];
/** After a provider error (a timeout), the same attempt is sent again, with the same key. */
export const RESEND_DELAY_MS = 1 * MINUTE_MS;
/** How often a processing charge is asked about. */
export const POLL_INTERVAL_MS = 1 * MINUTE_MS;

const RANK = { requested: 0, processing: 1, succeeded: 2, failed: 2 } as const;

export type ChargeRequest = {
  workspaceId: string;
  amountCents: number;
  currency: string;
  idempotencyKey: string;
  sourceType: string;
  sourceId: string;
};

export type ChargeResult =
  | { ok: true; charge: ChargeRow }
  | { ok: false; reason: 'no-billing-method' | 'key-reused'; message: string };

const later = (ms: number) => new Date(now().getTime() + ms);

/** The provider's key of one attempt: a retry after a decline is a new charge there. */
export const providerKeyOf = (charge: Pick<ChargeRow, 'idempotencyKey' | 'attempt'>) =>
  `${charge.idempotencyKey}:${charge.attempt}`;

const sameRequest = (charge: ChargeRow, input: ChargeRequest) =>
  charge.workspaceId === input.workspaceId &&
  charge.amountCents === input.amountCents &&
  charge.currency === input.currency &&
  charge.sourceType === input.sourceType &&
  charge.sourceId === input.sourceId;

/**
 * Charges the workspace's default billing method once per idempotency key: a request
 * replayed with the same key answers the charge already made and charges nothing more.
 */
export async function requestCharge(
  db: Db,
  provider: PaymentProvider,
  hooks: ChargeHookTable,
  input: ChargeRequest,
): Promise<ChargeResult> {
  const replayed = await findChargeByKey(db, input.idempotencyKey);
  if (replayed) return answerReplay(replayed, input);
  const method = await findDefaultBillingMethod(db, input.workspaceId);
  if (!method || method.provider !== provider.name) {
    return {
      ok: false,
      reason: 'no-billing-method',
      message: 'Add a billing method before your first payment is due.',
    };
  }
  const [created] = await db
    .insert(paymentCharges)
    .values({
      ...input,
      billingMethodId: method.id,
      provider: provider.name,
      // If this process stops before the provider answers, the settlement job sends it.
      nextAttemptAt: later(RESEND_DELAY_MS),
    })
    .onConflictDoNothing()
    .returning();
  if (!created) return answerReplay((await findChargeByKey(db, input.idempotencyKey))!, input);
  return { ok: true, charge: await submitCharge(db, provider, hooks, created) };
}

export function answerReplay(charge: ChargeRow, input: ChargeRequest): ChargeResult {
  if (!sameRequest(charge, input)) {
    return {
      ok: false,
      reason: 'key-reused',
      message: 'This idempotency key was already used for another charge.',
    };
  }
  return { ok: true, charge };
}

/**
 * The charge with the card it is to be sent to: its own while it is active, else the
 * workspace's current default card (the charge moves to it, under a guard on the attempt),
 * else none: the charge waits a retry interval, and the client's blockers ask for a card.
 */
async function withUsableCard(db: Db, provider: PaymentProvider, charge: ChargeRow) {
  const [own] = await db
    .select()
    .from(billingMethods)
    .where(
      and(
        eq(billingMethods.id, charge.billingMethodId),
        eq(billingMethods.provider, provider.name),
        isNull(billingMethods.removedAt),
      ),
    );
  if (own) return { charge, method: own };
  const current = await findDefaultBillingMethod(db, charge.workspaceId);
  if (!current || current.provider !== provider.name) {
    await db
      .update(paymentCharges)
      .set({ nextAttemptAt: later(RETRY_DELAYS_MS[0]), updatedAt: now() })
      .where(and(eq(paymentCharges.id, charge.id), eq(paymentCharges.attempt, charge.attempt)));
    return null;
  }
  const [moved] = await db
    .update(paymentCharges)
    .set({ billingMethodId: current.id, updatedAt: now() })
    .where(
      and(
        eq(paymentCharges.id, charge.id),
        eq(paymentCharges.status, 'requested'),
        eq(paymentCharges.attempt, charge.attempt),
      ),
    )
    .returning();
  return moved ? { charge: moved, method: current } : null;
}

/**
 * Sends a requested charge to the provider; a provider error leaves it for the job to resend.
 * A card removed since the charge was asked for is never charged: the attempt moves to the
 * workspace's current default card, or waits (and is sent once the client adds one).
 */
export async function submitCharge(
  db: Db,
  provider: PaymentProvider,
  hooks: ChargeHookTable,
  requested: ChargeRow,
): Promise<ChargeRow> {
  if (requested.status !== 'requested') return requested;
  const usable = await withUsableCard(db, provider, requested);
  if (!usable) return requested;
  const { charge, method } = usable;
  const customerRef = await findCustomerRef(db, charge.workspaceId, provider.name);
  if (!customerRef)
    throw new Error(`Charge ${charge.id}: the workspace has no ${provider.name} customer`);
  const state = await sendAttempt(db, provider, charge, {
    customerRef,
    methodRef: method.providerRef,
  });
  if (!state.answered) return state.charge;
  return (await applyChargeState(db, hooks, charge.id, charge.attempt, state.state)).charge;
}

export type SentAttempt =
  { answered: true; state: ChargeState } | { answered: false; charge: ChargeRow };

/**
 * Sends one attempt of a requested charge to the card it is to go to. A provider error
 * (a timeout) leaves the attempt for the settlement job to resend with the same key:
 * maybe charged, maybe not, only a resend can tell, never a new charge.
 */
export async function sendAttempt(
  db: Db,
  provider: PaymentProvider,
  charge: ChargeRow,
  to: { customerRef: string; methodRef: string },
): Promise<SentAttempt> {
  try {
    const state = await provider.charge({
      customerRef: to.customerRef,
      methodRef: to.methodRef,
      amountCents: charge.amountCents,
      currency: charge.currency,
      idempotencyKey: providerKeyOf(charge),
    });
    return { answered: true, state };
  } catch (error) {
    console.error(`[billing] charge ${charge.id} got no answer:`, (error as Error).message);
    const [waiting] = await db
      .update(paymentCharges)
      .set({ nextAttemptAt: later(RESEND_DELAY_MS), updatedAt: now() })
      .where(
        and(
          eq(paymentCharges.id, charge.id),
          eq(paymentCharges.status, 'requested'),
          eq(paymentCharges.attempt, charge.attempt),
        ),
      )
      .returning();
    return { answered: false, charge: waiting ?? charge };
  }
}

export type Applied = { outcome: 'applied' | 'ignored'; charge: ChargeRow };

/**
 * Records what the provider said about one attempt of a charge, under a row lock. Answers
 * about an older attempt, or that go back in the order requested → processing → succeeded
 * or failed (a late webhook), are ignored; so each state's hooks run once.
 */
export async function applyChargeState(
  db: Db,
  hooks: ChargeHookTable,
  chargeId: string,
  attempt: number,
  state: ChargeState,
): Promise<Applied> {
  return db.transaction(async (tx) => {
    const [charge] = await tx
      .select()
      .from(paymentCharges)
      .where(eq(paymentCharges.id, chargeId))
      .for('update');
    const isStale =
      charge.attempt !== attempt ||
      (charge.providerRef !== null && charge.providerRef !== state.ref) ||
      RANK[state.status] <= RANK[charge.status];
    if (isStale) return { outcome: 'ignored' as const, charge };
    const willRetry = state.status === 'failed' && charge.attempt <= RETRY_DELAYS_MS.length;
    const nextAttemptAt =
      state.status === 'processing'
        ? later(POLL_INTERVAL_MS)
        : willRetry
          ? later(RETRY_DELAYS_MS[charge.attempt - 1])
          : null;
    const [updated] = await tx
      .update(paymentCharges)
      .set({
        status: state.status,
        providerRef: state.ref,
        failureReason: state.status === 'failed' ? (state.failureReason ?? 'Declined') : null,
        nextAttemptAt,
        updatedAt: now(),
        settledAt: state.status === 'succeeded' ? now() : null,
      })
      .where(eq(paymentCharges.id, chargeId))
      .returning();
    const own = hooks[updated.sourceType];
    if (updated.status === 'succeeded') await own?.onSettled?.(tx, updated);
    if (updated.status === 'failed') await own?.onFailed?.(tx, updated, { willRetry });
    return { outcome: 'applied' as const, charge: updated };
  });
}

/**
 * A failed charge whose retry is due becomes a new attempt, sent with its own key, to the
 * workspace's default card as it is now (the client may have added one since the decline).
 * Also the client's "Pay now" (lib/hourly/pay-now.ts), which may follow the last retry (none
 * scheduled): `scheduledOnly` is the retry job's, so a retry cancelled meanwhile
 * (cancelChargeRetries, a contract's ending) is not made. Guarded on the attempt the caller
 * read: of two calls for the same failed attempt one sends; the other gets null.
 */
export async function retryCharge(
  db: Db,
  provider: PaymentProvider,
  hooks: ChargeHookTable,
  charge: ChargeRow,
  options: { scheduledOnly: boolean },
): Promise<ChargeRow | null> {
  const [again] = await db
    .update(paymentCharges)
    .set({
      status: 'requested',
      attempt: sql`${paymentCharges.attempt} + 1`,
      billingMethodId:
        (await findDefaultBillingMethod(db, charge.workspaceId))?.id ?? charge.billingMethodId,
      providerRef: null,
      failureReason: null,
      nextAttemptAt: later(RESEND_DELAY_MS),
      updatedAt: now(),
    })
    .where(
      and(
        eq(paymentCharges.id, charge.id),
        eq(paymentCharges.status, 'failed'),
        eq(paymentCharges.attempt, charge.attempt),
        options.scheduledOnly ? isNotNull(paymentCharges.nextAttemptAt) : undefined,
      ),
    )
    .returning();
  return again ? submitCharge(db, provider, hooks, again) : null;
}

/** Asks the provider about a processing charge and records its answer. */
export async function pollCharge(
  db: Db,
  provider: PaymentProvider,
  hooks: ChargeHookTable,
  charge: ChargeRow,
): Promise<ChargeRow> {
  const state = await provider.readCharge(charge.providerRef!);
  const applied = await applyChargeState(db, hooks, charge.id, charge.attempt, state);
  if (applied.outcome === 'ignored' && applied.charge.status === 'processing') {
    await db
      .update(paymentCharges)
      .set({ nextAttemptAt: later(POLL_INTERVAL_MS) })
      .where(and(eq(paymentCharges.id, charge.id), eq(paymentCharges.status, 'processing')));
  }
  return applied.charge;
}

/**
 * Takes a charge one step on, as the settlement job does: a requested one is sent (again,
 * with the same key: the provider answers its first charge), a processing one is asked
 * about. Settled and failed ones are left as they are (a retry keeps its schedule).
 */
export async function advanceCharge(
  db: Db,
  provider: PaymentProvider,
  hooks: ChargeHookTable,
  charge: ChargeRow,
): Promise<void> {
  if (charge.status === 'requested') await submitCharge(db, provider, hooks, charge);
  else if (charge.status === 'processing') await pollCharge(db, provider, hooks, charge);
}

/**
 * The settlement tick (a job runs it every minute): resends requested charges that got no
 * answer, asks about processing ones, retries failed ones on their schedule. One charge's
 * error does not stop the others; it is tried again on a later tick. `dueBy` (development's
 * "Settle charges now", /dev/clock) takes the charges due before a later time too.
 */
export async function settleDueCharges(
  db: Db,
  provider: PaymentProvider,
  hooks: ChargeHookTable,
  limit = 100,
  dueBy: Date = now(),
): Promise<number> {
  const due = await db
    .select()
    .from(paymentCharges)
    .where(
      and(eq(paymentCharges.provider, provider.name), lte(paymentCharges.nextAttemptAt, dueBy)),
    )
    .orderBy(asc(paymentCharges.nextAttemptAt))
    .limit(limit);
  for (const charge of due) {
    try {
      if (charge.status === 'failed')
        await retryCharge(db, provider, hooks, charge, { scheduledOnly: true });
      else await advanceCharge(db, provider, hooks, charge);
    } catch (error) {
      console.error(`[billing] settling charge ${charge.id} failed:`, (error as Error).message);
    }
  }
  return due.length;
}

/**
 * Cancels the scheduled retries of these failed charges, in the caller's transaction (which
 * decides they are no longer wanted): each stays failed with no next attempt, and a retry
 * the settlement job picked up before this commits is not made (retryCharge's guard).
 * Returns the charges whose retry was cancelled.
 */
export async function cancelChargeRetries(tx: Tx, chargeIds: string[]): Promise<ChargeRow[]> {
  if (chargeIds.length === 0) return [];
  return tx
    .update(paymentCharges)
    .set({ nextAttemptAt: null, updatedAt: now() })
    .where(
      and(
        inArray(paymentCharges.id, chargeIds),
        eq(paymentCharges.status, 'failed'),
        isNotNull(paymentCharges.nextAttemptAt),
      ),
    )
    .returning();
}
