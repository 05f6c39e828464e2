import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { billingCustomers, billingMethods, paymentCharges } from '@/db/schema';
import { now } from '@/lib/clock';
import type { ChargeState, PaymentProvider } from '@/lib/payments/provider';
import {
  answerReplay,
  applyChargeState,
  POLL_INTERVAL_MS,
  RESEND_DELAY_MS,
  sendAttempt,
  type ChargeHookTable,
  type ChargeRequest,
  type ChargeResult,
} from './charges';
import type { BillingMethodRow, ChargeRow } from './queries';

/*
 * requestCharge for many requests at once, as the billing tick asks for one charge per
 * invoice (10,000 in `npm run bench:tick`): the replays, the cards, the new charge rows and
 * the customers are read and written in one statement each for the whole list; what stays
 * per charge is the provider call and the record of its answer. The rules are requestCharge's.
 */

/** Runs `fn` on every item, at most `limit` at a time. */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function defaultMethodsOf(db: Db, workspaceIds: string[]) {
  const rows = await db
    .select()
    .from(billingMethods)
    .where(
      and(
        inArray(billingMethods.workspaceId, workspaceIds),
        isNull(billingMethods.removedAt),
        eq(billingMethods.isDefault, true),
      ),
    );
  return new Map(rows.map((row) => [row.workspaceId, row]));
}

async function customerRefsOf(db: Db, workspaceIds: string[], provider: PaymentProvider) {
  const rows = await db
    .select()
    .from(billingCustomers)
    .where(
      and(
        inArray(billingCustomers.workspaceId, workspaceIds),
        eq(billingCustomers.provider, provider.name),
      ),
    );
  return new Map(rows.map((row) => [row.workspaceId, row.customerRef]));
}

/**
 * The provider said "processing": what applyChargeState records for that answer (it runs no
 * hook), as one guarded update instead of a locked transaction. An answer about another
 * attempt or a charge already past `requested` changes nothing and returns null.
 */
async function recordProcessing(db: Db, charge: ChargeRow, state: ChargeState) {
  const [updated] = await db
    .update(paymentCharges)
    .set({
      status: 'processing',
      providerRef: state.ref,
      failureReason: null,
      nextAttemptAt: new Date(now().getTime() + POLL_INTERVAL_MS),
      updatedAt: now(),
      settledAt: null,
    })
    .where(
      and(
        eq(paymentCharges.id, charge.id),
        eq(paymentCharges.attempt, charge.attempt),
        eq(paymentCharges.status, 'requested'),
        or(isNull(paymentCharges.providerRef), eq(paymentCharges.providerRef, state.ref)),
      ),
    )
    .returning();
  return updated ?? null;
}

/**
 * Sends a new charge to the card it was just made for (read by requestCharges a moment
 * before: submitCharge's re-read of it is what this saves) and records the answer.
 */
async function sendNewCharge(
  db: Db,
  provider: PaymentProvider,
  hooks: ChargeHookTable,
  charge: ChargeRow,
  to: { customerRef: string; methodRef: string },
): Promise<ChargeRow> {
  const sent = await sendAttempt(db, provider, charge, to);
  if (!sent.answered) return sent.charge;
  if (sent.state.status === 'processing') {
    const recorded = await recordProcessing(db, charge, sent.state);
    if (recorded) return recorded;
  }
  return (await applyChargeState(db, hooks, charge.id, charge.attempt, sent.state)).charge;
}

/**
 * requestCharge for each request: a replayed key answers the charge already made, a
 * workspace without a default card of this provider gets 'no-billing-method', every other
 * request makes its charge and sends it, at most `concurrency` provider calls at a time.
 * Results are in the order of `requests`; a charge whose sending threw is logged and left
 * `requested` for the settlement job (it resends it with the same key), and its result is
 * still ok: the charge exists.
 */
export async function requestCharges(
  db: Db,
  provider: PaymentProvider,
  hooks: ChargeHookTable,
  requests: ChargeRequest[],
  concurrency: number,
): Promise<ChargeResult[]> {
  if (requests.length === 0) return [];
  const known = await db
    .select()
    .from(paymentCharges)
    .where(
      inArray(
        paymentCharges.idempotencyKey,
        requests.map((request) => request.idempotencyKey),
      ),
    );
  const byKey = new Map(known.map((charge) => [charge.idempotencyKey, charge]));
  const workspaceIds = [...new Set(requests.map((request) => request.workspaceId))];
  const methods = await defaultMethodsOf(db, workspaceIds);
  const usableMethod = (request: ChargeRequest): BillingMethodRow | null => {
    const method = methods.get(request.workspaceId);
    return method && method.provider === provider.name ? method : null;
  };
  const fresh = requests.filter((request) => !byKey.has(request.idempotencyKey));
  const toMake = fresh.filter((request) => usableMethod(request));
  const made =
    toMake.length === 0
      ? []
      : await db
          .insert(paymentCharges)
          .values(
            toMake.map((request) => ({
              ...request,
              billingMethodId: usableMethod(request)!.id,
              provider: provider.name,
              // If this process stops before the provider answers, the settlement job sends it.
              nextAttemptAt: new Date(now().getTime() + RESEND_DELAY_MS),
            })),
          )
          .onConflictDoNothing()
          .returning();
  const madeByKey = new Map(made.map((charge) => [charge.idempotencyKey, charge]));
  // A key another worker inserted between the read and the insert: its charge, as a replay.
  const raced = toMake.filter((request) => !madeByKey.has(request.idempotencyKey));
  if (raced.length > 0) {
    const rows = await db
      .select()
      .from(paymentCharges)
      .where(
        inArray(
          paymentCharges.idempotencyKey,
          raced.map((request) => request.idempotencyKey),
        ),
      );
    for (const row of rows) byKey.set(row.idempotencyKey, row);
  }
  const refs = await customerRefsOf(db, workspaceIds, provider);
  const results: ChargeResult[] = requests.map((request) => {
    const replayed = byKey.get(request.idempotencyKey);
    if (replayed) return answerReplay(replayed, request);
    const charge = madeByKey.get(request.idempotencyKey);
    if (charge) return { ok: true, charge };
    return {
      ok: false,
      reason: 'no-billing-method',
      message: 'Add a billing method before your first payment is due.',
    };
  });
  await forEachConcurrently(results, concurrency, async (result, index) => {
    const request = requests[index];
    const charge = madeByKey.get(request.idempotencyKey);
    if (!result.ok || !charge) return;
    try {
      const customerRef = refs.get(charge.workspaceId);
      if (!customerRef)
        throw new Error(`Charge ${charge.id}: the workspace has no ${provider.name} customer`);
      results[index] = {
        ok: true,
        charge: await sendNewCharge(db, provider, hooks, charge, {
          customerRef,
          methodRef: usableMethod(request)!.providerRef,
        }),
      };
    } catch (error) {
      console.error(`[billing] sending charge ${charge.id} failed:`, (error as Error).message);
    }
  });
  return results;
}
