import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { ledgerEntries, ledgerTransactions } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import type { PayoutProvider } from '@/lib/payments/payouts';
import { createSimulatedPayoutProvider } from '@/lib/payments/simulated-payouts';
import { applyRemovePayoutMethod } from '@/lib/payouts/apply';
import { findActivePayoutMethod } from '@/lib/payouts/queries';
import { createTestDatabase } from '@/tests/helpers/db';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import {
  balancesOfFreelancer,
  makeWithdrawer,
  returnedEmails,
  simulatedPayoutsOf,
  withdrawalRows,
} from '@/tests/helpers/withdrawal-fixtures';
import { recordWithdrawal, requestWithdrawal } from './service';
import {
  applyPayoutState,
  METHOD_REMOVED,
  reconcileStaleWithdrawals,
  settleDueWithdrawals,
} from './settle';

installTestEncryptionKey();

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
const START = new Date('2026-12-02T10:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

beforeAll(async () => {
  database = await createTestDatabase();
});
beforeEach(() => {
  clock = useFakeClock(START);
});
afterEach(() => clock.restore());
afterAll(() => database.dispose());

const simulated = () => createSimulatedPayoutProvider(database.db);
const form = (payoutMethodId: string, amountCents: number) => ({
  payoutMethodId,
  amountCents,
  idempotencyKey: randomUUID(),
});
const fees = () => balanceOf(database.db, accounts.withdrawalFees());

async function postingsOf(withdrawalId: string, kind: string) {
  return database.db
    .select()
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.sourceId, withdrawalId), eq(ledgerTransactions.kind, kind)));
}

/** What this withdrawal's postings paid into world:payouts (other tests' payouts aside). */
async function paidOutFor(withdrawalId: string) {
  const rows = await database.db
    .select({ cents: ledgerEntries.amountCents })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(
      and(
        eq(ledgerTransactions.sourceId, withdrawalId),
        eq(ledgerEntries.accountCode, accounts.payouts()),
      ),
    );
  return rows.reduce((sum, row) => sum + row.cents, 0);
}

/** Runs the settlement every minute and the reconciliation every hour, up to `ms` ahead. */
async function runJobsFor(provider: PayoutProvider, ms: number, every = MINUTE) {
  const end = clock.now().getTime() + ms;
  while (clock.now().getTime() < end) {
    clock.advance(every);
    await settleDueWithdrawals(database.db, provider, clock.now());
    await reconcileStaleWithdrawals(database.db, provider, clock.now());
  }
}

async function requested(email?: string, available = 10_000, amount = 5_000) {
  const w = await makeWithdrawer(database.db, START, {
    availableCents: available,
    paypalEmail: email,
  });
  const result = await requestWithdrawal(
    database.db,
    simulated(),
    w.actor,
    form(w.methods.paypal, amount),
  );
  if (!result.ok) throw new Error(result.message);
  return { w, withdrawal: result.withdrawal };
}

describe('the payout state machine', () => {
  it('requested → processing → paid: the amount leaves withdrawing for world:payouts, once', async () => {
    const feesBefore = await fees();
    const { w, withdrawal } = await requested();
    expect(withdrawal.status).toBe('processing');
    await runJobsFor(simulated(), 2 * MINUTE);
    const [row] = await withdrawalRows(database.db, w.actor.userId);
    expect(row).toMatchObject({ status: 'paid', paidAt: expect.any(Date) });
    expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
      available: 10_000 - 5_200,
      withdrawing: 0,
    });
    expect(await paidOutFor(withdrawal.id)).toBe(5_000);
    expect((await fees()) - feesBefore).toBe(200);
    await runJobsFor(simulated(), 2 * MINUTE);
    expect(await postingsOf(withdrawal.id, 'payout')).toHaveLength(1);
  });

  it('a failed payout returns the amount and its fee to available, with one email', async () => {
    const feesBefore = await fees();
    const { w, withdrawal } = await requested('fail-me@example.com');
    await runJobsFor(simulated(), 2 * MINUTE);
    const [row] = await withdrawalRows(database.db, w.actor.userId);
    expect(row).toMatchObject({
      status: 'returned',
      failureReason: expect.stringContaining('refused'),
    });
    expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
      available: 10_000,
      withdrawing: 0,
    });
    expect(await paidOutFor(withdrawal.id)).toBe(0);
    expect((await fees()) - feesBefore).toBe(0);
    const emails = await returnedEmails(database.db, w.actor.email);
    expect(emails).toHaveLength(1);
    expect(emails[0].html).toContain(`/earnings/withdraw?retry=${withdrawal.id}`);
    expect(emails[0].text).toContain('$52.00');
    expect(await postingsOf(withdrawal.id, 'payout_return')).toHaveLength(1);
  });

  it('a duplicated or out-of-order provider event changes nothing', async () => {
    const failed = await requested('fail-twice@example.com');
    await runJobsFor(simulated(), 2 * MINUTE);
    const ref = (await withdrawalRows(database.db, failed.w.actor.userId))[0].providerRef!;
    const again = { ref, status: 'failed' as const, failureReason: 'again' };
    expect(await applyPayoutState(database.db, failed.withdrawal.id, 'simulated', again)).toBe(
      'ignored',
    );
    expect(
      await applyPayoutState(database.db, failed.withdrawal.id, 'simulated', {
        ...again,
        status: 'paid',
      }),
    ).toBe('ignored');
    expect(await returnedEmails(database.db, failed.w.actor.email)).toHaveLength(1);
    expect(await balancesOfFreelancer(database.db, failed.w.actor.userId)).toEqual({
      available: 10_000,
      withdrawing: 0,
    });

    const paid = await requested();
    await runJobsFor(simulated(), 2 * MINUTE);
    const paidRef = (await withdrawalRows(database.db, paid.w.actor.userId))[0].providerRef!;
    const late = { ref: paidRef, failureReason: null };
    expect(
      await applyPayoutState(database.db, paid.withdrawal.id, 'simulated', {
        ...late,
        status: 'processing',
      }),
    ).toBe('ignored');
    expect(
      await applyPayoutState(database.db, paid.withdrawal.id, 'simulated', {
        ...late,
        status: 'failed',
      }),
    ).toBe('ignored');
    expect((await withdrawalRows(database.db, paid.w.actor.userId))[0].status).toBe('paid');
    expect(await postingsOf(paid.withdrawal.id, 'payout_return')).toHaveLength(0);
    expect(await returnedEmails(database.db, paid.w.actor.email)).toHaveLength(0);
  });

  it('an answer about another payout ref is ignored', async () => {
    const { w, withdrawal } = await requested('slow-other@example.com');
    const state = { ref: 'sim_po_someone_else', status: 'paid' as const, failureReason: null };
    expect(await applyPayoutState(database.db, withdrawal.id, 'simulated', state)).toBe('ignored');
    expect((await withdrawalRows(database.db, w.actor.userId))[0].status).toBe('processing');
  });
});

describe('faults', () => {
  it('a provider timeout after accepting the payout: resent under its key, reconciled, paid once', async () => {
    const real = simulated();
    let timeouts = 1;
    const flaky: PayoutProvider = {
      name: 'simulated',
      async createPayout(input) {
        const state = await real.createPayout(input);
        if (timeouts-- > 0) throw new Error('timeout after the provider accepted');
        return state;
      },
      readPayout: (ref) => real.readPayout(ref),
    };
    const w = await makeWithdrawer(database.db, START, {
      availableCents: 10_000,
      paypalEmail: 'slow-timeout@example.com',
    });
    const result = await requestWithdrawal(
      database.db,
      flaky,
      w.actor,
      form(w.methods.paypal, 3_000),
    );
    expect(result).toMatchObject({ ok: true, withdrawal: { status: 'requested', attempts: 1 } });
    const id = result.ok ? result.withdrawal.id : '';
    expect(await simulatedPayoutsOf(database.db, id)).toHaveLength(1);

    // The minute's resend reaches the same payout (same key); then the reconciliation,
    // after 24 hours, finds it paid on day 3.
    await runJobsFor(flaky, 2 * MINUTE);
    expect((await withdrawalRows(database.db, w.actor.userId))[0].status).toBe('processing');
    await runJobsFor(flaky, 3 * 24 * HOUR, HOUR);
    const [row] = await withdrawalRows(database.db, w.actor.userId);
    expect(row.status).toBe('paid');
    expect(await simulatedPayoutsOf(database.db, id)).toHaveLength(1);
    expect(await postingsOf(id, 'payout')).toHaveLength(1);
    expect(await paidOutFor(id)).toBe(3_000);
  });

  it('a payout that fails after 3 days: reconciled, the money back, one email', async () => {
    const { w, withdrawal } = await requested('slow-fail@example.com');
    await runJobsFor(simulated(), 10 * MINUTE);
    expect((await withdrawalRows(database.db, w.actor.userId))[0].status).toBe('processing');
    await runJobsFor(simulated(), 3 * 24 * HOUR - HOUR, HOUR);
    expect((await withdrawalRows(database.db, w.actor.userId))[0].status).toBe('processing');
    await runJobsFor(simulated(), 3 * HOUR, HOUR);
    const [row] = await withdrawalRows(database.db, w.actor.userId);
    expect(row.status).toBe('returned');
    expect(row.returnedAt!.getTime() - START.getTime()).toBeGreaterThanOrEqual(3 * 24 * HOUR);
    expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
      available: 10_000,
      withdrawing: 0,
    });
    await runJobsFor(simulated(), 2 * HOUR, HOUR);
    expect(await returnedEmails(database.db, w.actor.email)).toHaveLength(1);
    expect(await postingsOf(withdrawal.id, 'payout_return')).toHaveLength(1);
  });

  it('the worker killed between the ledger posting and the provider call: the job sends it once', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const method = await findActivePayoutMethod(database.db, w.actor.userId, w.methods.usBank);
    // recordWithdrawal is requestWithdrawal up to its commit: the process dies right after.
    const recorded = await recordWithdrawal(
      database.db,
      w.actor.userId,
      method!,
      form(method!.id, 7_000),
      START,
    );
    if (!recorded.ok) throw new Error(recorded.message);
    expect(recorded.withdrawal.status).toBe('requested');
    expect(await simulatedPayoutsOf(database.db, recorded.withdrawal.id)).toHaveLength(0);
    expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
      available: 3_000,
      withdrawing: 7_000,
    });
    await runJobsFor(simulated(), 3 * MINUTE);
    const [row] = await withdrawalRows(database.db, w.actor.userId);
    expect(row.status).toBe('paid');
    expect(await simulatedPayoutsOf(database.db, row.id)).toHaveLength(1);
    expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
      available: 3_000,
      withdrawing: 0,
    });
  });

  it('a method removed while its withdrawal waits to be sent: returned, never sent, one email', async () => {
    const w = await makeWithdrawer(database.db, START, { availableCents: 10_000 });
    const method = await findActivePayoutMethod(database.db, w.actor.userId, w.methods.usBank);
    const recorded = await recordWithdrawal(
      database.db,
      w.actor.userId,
      method!,
      form(method!.id, 7_000),
      START,
    );
    if (!recorded.ok) throw new Error(recorded.message);
    await database.db.transaction((tx) => applyRemovePayoutMethod(tx, w.actor.userId, method!.id));
    await runJobsFor(simulated(), 3 * MINUTE);
    const [row] = await withdrawalRows(database.db, w.actor.userId);
    expect(row).toMatchObject({ status: 'returned', failureReason: METHOD_REMOVED });
    expect(await simulatedPayoutsOf(database.db, row.id)).toHaveLength(0);
    expect(await balancesOfFreelancer(database.db, w.actor.userId)).toEqual({
      available: 10_000,
      withdrawing: 0,
    });
    expect(await returnedEmails(database.db, w.actor.email)).toHaveLength(1);
    expect(await postingsOf(row.id, 'payout_return')).toHaveLength(1);
  });
});
