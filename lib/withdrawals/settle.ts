import { createElement } from 'react';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { freelancerProfiles, payoutMethods, users, withdrawals } from '@/db/schema';
import WithdrawalReturnedEmail, { withdrawalReturnedSubject } from '@/emails/withdrawal-returned';
import { recordAudit } from '@/lib/audit/log';
import { now } from '@/lib/clock';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import { accounts } from '@/lib/ledger/accounts';
import { postTransaction } from '@/lib/ledger/post';
import { formatMoney } from '@/lib/money/money';
import {
  PayeeGoneError,
  PayoutRefusedError,
  routingOf,
  type PayoutProviders,
  type PayoutState,
} from '@/lib/payments/payouts';
import { methodTitle } from '@/lib/payouts/present';
import { destinationOf, registeredDestinationOf } from './destinations';
import { sendWithdrawalNotice } from './notices';
import { markPayeeClosed } from './payee-status';
import {
  dueProcessingWithdrawals,
  dueRequestedWithdrawals,
  lockWithdrawal,
  staleProcessingWithdrawals,
  type WithdrawalRow,
} from './queries';

const MINUTE = 60_000;
/** A provider error: the same payout is sent again (same key) a minute later. */
export const RESEND_AFTER_MS = MINUTE;
/** Processing payouts are asked about every minute for their first day (no webhooks yet)… */
export const POLL_EVERY_MS = MINUTE;
/** …and after that by the reconciliation, hourly. */
export const RECONCILE_AFTER_MS = 24 * 60 * MINUTE;
export const RECONCILE_EVERY_MS = 60 * MINUTE;
const BATCH = 50;

/** The provider's key of a withdrawal: the same on every try, so a resend is one payout. */
export const payoutKeyOf = (withdrawalId: string) => `withdrawal:${withdrawalId}`;

/**
 * Sends a `requested` withdrawal to the provider (after the commit that recorded it). An
 * error (a timeout, even after the provider accepted) leaves it `requested` for a resend
 * under the same key; a refusal before any money moved (PayoutRefusedError: details the
 * provider will not take, a closed account) returns it at once, with the one email; an
 * answer moves it on through applyPayoutState.
 */
export async function submitWithdrawal(
  db: Db,
  providers: PayoutProviders,
  withdrawalId: string,
  at: Date = now(),
): Promise<void> {
  const [row] = await db
    .select({ withdrawal: withdrawals, method: payoutMethods })
    .from(withdrawals)
    .innerJoin(payoutMethods, eq(payoutMethods.id, withdrawals.payoutMethodId))
    .where(eq(withdrawals.id, withdrawalId));
  if (!row || row.withdrawal.status !== 'requested') return;
  if (row.method.removedAt) {
    await returnUnsent(db, withdrawalId, METHOD_REMOVED, at);
    return;
  }
  const provider = routingOf(providers).forKind(row.method.kind);
  const idempotencyKey = payoutKeyOf(withdrawalId);
  const destination = destinationOf(row.method);
  let state: PayoutState;
  try {
    destination.registered = await registeredDestinationOf(
      db,
      provider,
      row.method,
      destination,
      idempotencyKey,
    );
    state = await provider.createPayout({
      idempotencyKey,
      amountCents: row.withdrawal.amountCents,
      currency: row.withdrawal.currency,
      destination,
    });
  } catch (error) {
    if (error instanceof PayeeGoneError) {
      await markPayeeClosed(db, provider.name, error.payeeRef, at, error.message);
      await returnUnsent(db, withdrawalId, PAYEE_GONE, at);
      return;
    }
    if (error instanceof PayoutRefusedError) {
      await returnUnsent(db, withdrawalId, providerRefused(error), at);
      return;
    }
    await db
      .update(withdrawals)
      .set({
        attempts: row.withdrawal.attempts + 1,
        nextAttemptAt: new Date(at.getTime() + RESEND_AFTER_MS),
      })
      .where(eq(withdrawals.id, withdrawalId));
    return;
  }
  await applyPayoutState(db, withdrawalId, provider.name, state, at);
}

/** Why a refused payout came back: what to check, and the provider's code for support. */
export const providerRefused = (error: PayoutRefusedError) =>
  `Our payout provider refused this payout, so nothing was sent. Check this payout method and your basic information, then try again. (${error.message})`;

export const PAYEE_GONE =
  'Our payout provider no longer has the account we paid this method through, so nothing was sent. Try again: the next withdrawal sets up a new one.';

export const METHOD_REMOVED =
  'You removed this payout method before the payout was sent. Choose another method and try again.';

/**
 * A requested withdrawal that must not or cannot reach the provider (its method was removed
 * after it was requested, or the provider refused it before any money moved): returned at
 * once, under the row's lock, with the one email of a return.
 */
async function returnUnsent(db: Db, withdrawalId: string, reason: string, at: Date) {
  await db.transaction(async (tx) => {
    const row = await lockWithdrawal(tx, withdrawalId);
    if (!row || row.status !== 'requested') return;
    await returnWithdrawal(tx, row, reason, at);
    await tx
      .update(withdrawals)
      .set({ status: 'returned', failedAt: at, returnedAt: at })
      .where(eq(withdrawals.id, row.id));
  });
}

export type Applied = 'processing' | 'paid' | 'returned' | 'ignored';

/**
 * Moves a withdrawal by what the provider says, forward only and under the row's lock, so a
 * duplicated or late answer (a poll, a webhook, the reconciliation) changes nothing twice:
 * requested → processing → paid (ledger `payout`: withdrawing → world:payouts), or failed →
 * returned (ledger `payout_return`: the amount and fee back to available, and one email).
 */
export async function applyPayoutState(
  db: Db,
  withdrawalId: string,
  providerName: string,
  state: PayoutState,
  at: Date = now(),
): Promise<Applied> {
  return db.transaction(async (tx) => {
    const row = await lockWithdrawal(tx, withdrawalId);
    if (!row || (row.status !== 'requested' && row.status !== 'processing')) return 'ignored';
    if (row.providerRef && row.providerRef !== state.ref) return 'ignored';
    const accepted = {
      provider: providerName,
      providerRef: state.ref,
      submittedAt: row.submittedAt ?? at,
      attempts: row.status === 'requested' ? row.attempts + 1 : row.attempts,
    };
    if (state.status === 'processing') {
      await tx
        .update(withdrawals)
        .set({ ...accepted, status: 'processing', nextAttemptAt: nextLookAt(row, at) })
        .where(eq(withdrawals.id, row.id));
      return row.status === 'processing' ? 'ignored' : 'processing';
    }
    if (state.status === 'paid') {
      await postPayout(tx, row, at);
      await tx
        .update(withdrawals)
        .set({ ...accepted, status: 'paid', paidAt: at })
        .where(eq(withdrawals.id, row.id));
      await recordAudit(tx, {
        actorId: null,
        action: 'withdrawal.paid',
        targetType: 'withdrawal',
        targetId: row.id,
      });
      await sendWithdrawalNotice(tx, row, 'paid');
      return 'paid';
    }
    await returnWithdrawal(tx, row, state.failureReason ?? 'The provider gave no reason.', at);
    await tx
      .update(withdrawals)
      .set({ ...accepted, status: 'returned', failedAt: at, returnedAt: at })
      .where(eq(withdrawals.id, row.id));
    return 'returned';
  });
}

/** The next time a processing withdrawal is asked about: every minute, then hourly after a day. */
function nextLookAt(row: WithdrawalRow, at: Date): Date {
  const since = (row.submittedAt ?? at).getTime();
  const every = at.getTime() - since >= RECONCILE_AFTER_MS ? RECONCILE_EVERY_MS : POLL_EVERY_MS;
  return new Date(at.getTime() + every);
}

function postPayout(tx: Tx, row: WithdrawalRow, at: Date) {
  return postTransaction(tx, {
    key: `withdrawal:${row.id}:payout`,
    source: { type: 'withdrawal', id: row.id },
    kind: 'payout',
    effectiveAt: at,
    entries: [
      {
        account: accounts.withdrawing(row.freelancerId),
        cents: -row.amountCents,
        currency: row.currency,
      },
      { account: accounts.payouts(), cents: row.amountCents, currency: row.currency },
    ],
  });
}

async function returnWithdrawal(tx: Tx, row: WithdrawalRow, reason: string, at: Date) {
  const entries = [
    {
      account: accounts.withdrawing(row.freelancerId),
      cents: -row.amountCents,
      currency: row.currency,
    },
    {
      account: accounts.available(row.freelancerId),
      cents: row.amountCents + row.feeCents,
      currency: row.currency,
    },
  ];
  if (row.feeCents > 0) {
    entries.push({
      account: accounts.withdrawalFees(),
      cents: -row.feeCents,
      currency: row.currency,
    });
  }
  await postTransaction(tx, {
    key: `withdrawal:${row.id}:return`,
    source: { type: 'withdrawal', id: row.id },
    kind: 'payout_return',
    effectiveAt: at,
    memo: reason,
    entries,
  });
  await tx.update(withdrawals).set({ failureReason: reason }).where(eq(withdrawals.id, row.id));
  const [who] = await tx
    .select({ email: users.email, firstName: freelancerProfiles.firstName, method: payoutMethods })
    .from(users)
    .innerJoin(payoutMethods, eq(payoutMethods.id, row.payoutMethodId))
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
    .where(eq(users.id, row.freelancerId));
  await sendEmail(tx, {
    to: who.email,
    subject: withdrawalReturnedSubject,
    template: 'withdrawal-returned',
    element: createElement(WithdrawalReturnedEmail, {
      firstName: who.firstName ?? 'there',
      withdrawal: `${formatMoney(row.amountCents, row.currency)} to ${methodTitle(who.method)}`,
      returned: formatMoney(row.amountCents + row.feeCents, row.currency),
      reason,
      retryUrl: new URL(`/earnings/withdraw?retry=${row.id}`, getEnv().APP_URL).toString(),
    }),
  });
  await recordAudit(tx, {
    actorId: null,
    action: 'withdrawal.returned',
    targetType: 'withdrawal',
    targetId: row.id,
    detail: reason,
  });
}

/** Asks the provider about one processing withdrawal and applies the answer. */
async function lookAt(db: Db, providers: PayoutProviders, withdrawalId: string, at: Date) {
  const [row] = await db.select().from(withdrawals).where(eq(withdrawals.id, withdrawalId));
  if (!row?.providerRef || row.status !== 'processing') return 'ignored';
  // The provider that made it (a configuration without it asks again later).
  const provider = routingOf(providers).named(row.provider);
  try {
    if (!provider) throw new Error(`The payout provider ${row.provider} is not configured`);
    return await applyPayoutState(
      db,
      row.id,
      provider.name,
      await provider.readPayout(row.providerRef),
      at,
    );
  } catch {
    await db
      .update(withdrawals)
      .set({ nextAttemptAt: nextLookAt(row, at) })
      .where(eq(withdrawals.id, row.id));
    return 'ignored';
  }
}

/**
 * The settlement step (every minute): sends the requested withdrawals whose time has come
 * (new ones whose first send failed or never happened, say a worker killed after the
 * commit) and asks about those processing for less than a day. Returns how many it handled.
 * Safe on two workers at once: the provider's key makes a resend the same payout and
 * applyPayoutState moves each state once under the row lock.
 */
export async function settleDueWithdrawals(
  db: Db,
  providers: PayoutProviders,
  at: Date = now(),
): Promise<number> {
  const requested = await dueRequestedWithdrawals(db, at, BATCH);
  for (const { id } of requested) await submitWithdrawal(db, providers, id, at);
  const since = new Date(at.getTime() - RECONCILE_AFTER_MS);
  const processing = await dueProcessingWithdrawals(db, at, since, BATCH);
  for (const { id } of processing) await lookAt(db, providers, id, at);
  return requested.length + processing.length;
}

/**
 * The reconciliation step (hourly): asks the provider about every withdrawal still
 * processing 24 hours after it was accepted, and settles what it says.
 */
export async function reconcileStaleWithdrawals(
  db: Db,
  providers: PayoutProviders,
  at: Date = now(),
): Promise<number> {
  const before = new Date(at.getTime() - RECONCILE_AFTER_MS);
  const stale = await staleProcessingWithdrawals(db, at, before, BATCH);
  for (const { id } of stale) await lookAt(db, providers, id, at);
  return stale.length;
}
