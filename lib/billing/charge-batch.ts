import { and, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { billingCustomers, billingMethods, paymentCharges } from '@/db/schema';
import { now } from '@/lib/clock';
import type { ChargeState, PaymentProvider } from '@/lib/payments/provider';
import {
  answerReplay,
  applyChargeState,
  POLL_INTERVAL_MS,
  providerKeyOf,
  RESEND_DELAY_MS,
  sendAttempt,
  type SentAttempt,
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

type Answered = { charge: ChargeRow; state: ChargeState };

/**
 * The provider said "processing" to each of these: what applyChargeState records for that
 * answer (it runs no hook), as one guarded update for all of them instead of a locked
 * transaction each. An answer about another attempt or a charge already past `requested`
 * changes nothing (applyChargeState then tells what the charge is). Returns the rows updated.
 */
async function recordProcessing(db: Db, answered: Answered[]): Promise<Map<string, ChargeRow>> {
  if (answered.length === 0) return new Map();
  const answers = sql.join(
    answered.map(
      ({ charge, state }) => sql`(${charge.id}::uuid, ${charge.attempt}::integer, ${state.ref})`,
    ),
    sql`, `,
  );
  const updated = await db
    .update(paymentCharges)
    .set({
      status: 'processing',
      providerRef: sql`answer.ref`,
      failureReason: null,
      nextAttemptAt: new Date(now().getTime() + POLL_INTERVAL_MS),
      updatedAt: now(),
      settledAt: null,
    })
    .from(sql`(values ${answers}) as answer (id, attempt, ref)`)
    .where(
      and(
        // Redundant with the join, but lets the planner use the key, not scan every charge.
        inArray(
          paymentCharges.id,
          answered.map(({ charge }) => charge.id),
        ),
        sql`${paymentCharges.id} = answer.id`,
        sql`${paymentCharges.attempt} = answer.attempt`,
        eq(paymentCharges.status, 'requested'),
        sql`(${paymentCharges.providerRef} is null or ${paymentCharges.providerRef} = answer.ref)`,
      ),
    )
    .returning(getTableColumns(paymentCharges));
  return new Map(updated.map((row) => [row.id, row]));
}

/** Each charge's answer, one call for all when the provider has a batch endpoint. */
async function sendAll(
  db: Db,
  provider: PaymentProvider,
  sends: { charge: ChargeRow; to: { customerRef: string; methodRef: string } }[],
  concurrency: number,
): Promise<(SentAttempt | null)[]> {
  if (sends.length === 0) return [];
  if (provider.chargeMany) {
    try {
      const states = await provider.chargeMany(
        sends.map(({ charge, to }) => ({
          ...to,
          amountCents: charge.amountCents,
          currency: charge.currency,
          idempotencyKey: providerKeyOf(charge),
        })),
      );
      return states.map((state) => ({ answered: true, state }));
    } catch (error) {
      // Sent again one by one, under the same keys: a charge the batch made is answered as is.
      console.error(
        `[billing] a batch of ${sends.length} charges failed:`,
        (error as Error).message,
      );
    }
  }
  const sent: (SentAttempt | null)[] = sends.map(() => null);
  await forEachConcurrently(sends, concurrency, async ({ charge, to }, index) => {
    try {
      sent[index] = await sendAttempt(db, provider, charge, to);
    } catch (error) {
      console.error(`[billing] sending charge ${charge.id} failed:`, (error as Error).message);
    }
  });
  return sent;
}

/**
 * Sends new charges to the cards they were just made for (read by requestCharges a moment
 * before: submitCharge's re-read of each is what this saves) and records the answers.
 * Returns each charge as it now is (as it was, when its sending failed: the settlement job
 * resends it).
 */
async function sendNewCharges(
  db: Db,
  provider: PaymentProvider,
  hooks: ChargeHookTable,
  sends: { charge: ChargeRow; to: { customerRef: string; methodRef: string } }[],
  concurrency: number,
): Promise<ChargeRow[]> {
  const sent = await sendAll(db, provider, sends, concurrency);
  const processing = sent.flatMap((attempt, index) =>
    attempt?.answered && attempt.state.status === 'processing'
      ? [{ charge: sends[index].charge, state: attempt.state }]
      : [],
  );
  const recorded = await recordProcessing(db, processing);
  const charges: ChargeRow[] = sends.map(({ charge }) => recorded.get(charge.id) ?? charge);
  await forEachConcurrently(sent, concurrency, async (attempt, index) => {
    const { charge } = sends[index];
    if (!attempt || recorded.has(charge.id)) return;
    if (!attempt.answered) {
      charges[index] = attempt.charge;
      return;
    }
    try {
      const applied = await applyChargeState(db, hooks, charge.id, charge.attempt, attempt.state);
      charges[index] = applied.charge;
    } catch (error) {
      console.error(`[billing] recording charge ${charge.id} failed:`, (error as Error).message);
    }
  });
  return charges;
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
  const sends = requests.flatMap((request, index) => {
    const charge = madeByKey.get(request.idempotencyKey);
    if (!charge || byKey.has(request.idempotencyKey)) return [];
    const customerRef = refs.get(charge.workspaceId);
    if (!customerRef) {
      // Left requested: the settlement job's submitCharge says why it cannot be sent.
      console.error(
        `[billing] charge ${charge.id}: the workspace has no ${provider.name} customer`,
      );
      return [];
    }
    return [{ index, charge, to: { customerRef, methodRef: usableMethod(request)!.providerRef } }];
  });
  const sentCharges = await sendNewCharges(db, provider, hooks, sends, concurrency);
  sends.forEach(({ index }, i) => {
    results[index] = { ok: true, charge: sentCharges[i] };
  });
  return results;
}
