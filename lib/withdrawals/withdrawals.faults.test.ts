import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/client';
import { payoutDestinations } from '@/db/schema';
import { findLedgerProblems } from '@/lib/ledger/check';
import { parseEnv } from '@/lib/env';
import { selectPayoutProvider } from '@/lib/payments/select';
import { createSimulatedPayoutProvider } from '@/lib/payments/simulated-payouts';
import { createTestDatabase } from '@/tests/helpers/db';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import {
  startStripeStandIn,
  stripeEnvFor,
  type StripeStandIn,
} from '@/tests/helpers/stripe-stand-in';
import {
  balancesOfFreelancer,
  makeWithdrawer,
  withdrawalRows,
} from '@/tests/helpers/withdrawal-fixtures';
import { requestWithdrawal } from './service';

/*
 * Concurrent withdrawals on the Postgres server (TEST_DATABASE_URL; PGlite runs one
 * transaction at a time, so there is nothing to race there).
 */
const serverUrl = process.env.TEST_DATABASE_URL;

installTestEncryptionKey();

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Database;
let standIn: StripeStandIn;

(serverUrl ? describe : describe.skip)('concurrent withdrawals on the server', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = await openDatabase({ url: database.url!, max: 12 });
    standIn = await startStripeStandIn();
  });
  afterAll(async () => {
    await standIn.close();
    await pool.close();
    await database.dispose();
  });

  it('makes exactly one of two full-balance withdrawals at once', async () => {
    const w = await makeWithdrawer(pool.db, new Date(), { availableCents: 10_000 });
    const provider = createSimulatedPayoutProvider(pool.db);
    const full = () =>
      requestWithdrawal(pool.db, provider, w.actor, {
        payoutMethodId: w.methods.usBank,
        amountCents: 10_000,
        idempotencyKey: randomUUID(),
      });
    const results = await Promise.all([full(), full()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ ok: false, reason: 'insufficient' }),
    ]);
    expect(await withdrawalRows(pool.db, w.actor.userId)).toHaveLength(1);
    expect(await balancesOfFreelancer(pool.db, w.actor.userId)).toEqual({
      available: 0,
      withdrawing: 10_000,
    });
  });

  it('never overdraws under ten withdrawals at once of a third of the balance', async () => {
    const w = await makeWithdrawer(pool.db, new Date(), { availableCents: 10_000 });
    const provider = createSimulatedPayoutProvider(pool.db);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        requestWithdrawal(pool.db, provider, w.actor, {
          payoutMethodId: w.methods.paypal,
          amountCents: 3_000,
          idempotencyKey: randomUUID(),
        }),
      ),
    );
    // $30 + $2 fee each: three fit in $100, a fourth would not.
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(await balancesOfFreelancer(pool.db, w.actor.userId)).toEqual({
      available: 10_000 - 3 * 3_200,
      withdrawing: 9_000,
    });
    expect(await findLedgerProblems(pool.db)).toEqual([]);
  });

  it('through Stripe Connect too: one of two full-balance withdrawals, one payout at Stripe', async () => {
    const w = await makeWithdrawer(pool.db, new Date(), { availableCents: 10_000 });
    const stripe = selectPayoutProvider(pool.db, parseEnv(stripeEnvFor(standIn)));
    const payoutsBefore = standIn.connect.payouts.size;
    const full = () =>
      requestWithdrawal(pool.db, stripe, w.actor, {
        payoutMethodId: w.methods.usBank,
        amountCents: 10_000,
        idempotencyKey: randomUUID(),
      });
    const results = await Promise.all([full(), full()]);
    expect(results.filter((r) => r.ok)).toEqual([
      expect.objectContaining({
        withdrawal: expect.objectContaining({ status: 'processing', provider: 'stripe' }),
      }),
    ]);
    expect(standIn.connect.payouts.size - payoutsBefore).toBe(1);
    expect(await balancesOfFreelancer(pool.db, w.actor.userId)).toEqual({
      available: 0,
      withdrawing: 10_000,
    });
    expect(await findLedgerProblems(pool.db)).toEqual([]);
  });

  it('two first Stripe withdrawals at once both pay to the one destination stored', async () => {
    const w = await makeWithdrawer(pool.db, new Date(), { availableCents: 10_000 });
    const stripe = selectPayoutProvider(pool.db, parseEnv(stripeEnvFor(standIn)));
    const part = () =>
      requestWithdrawal(pool.db, stripe, w.actor, {
        payoutMethodId: w.methods.usBank,
        amountCents: 4_000,
        idempotencyKey: randomUUID(),
      });
    const results = await Promise.all([part(), part()]);
    const refs = results.map((r) => (r.ok ? r.withdrawal.providerRef : null));
    expect(refs).toEqual([expect.stringMatching(/^acct_/), expect.stringMatching(/^acct_/)]);
    const stored = await pool.db
      .select()
      .from(payoutDestinations)
      .where(eq(payoutDestinations.payoutMethodId, w.methods.usBank));
    expect(stored).toHaveLength(1);
    // Both payouts on the stored account, to its bank account (a losing account stays unused).
    for (const ref of refs) {
      const payout = standIn.connect.payouts.get(ref!.split('/')[1])!;
      expect(payout).toMatchObject({ account: stored[0].payeeRef, destination: stored[0].ref });
    }
  });
});
