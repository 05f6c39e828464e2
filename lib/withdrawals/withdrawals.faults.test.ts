import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '@/db/client';
import { findLedgerProblems } from '@/lib/ledger/check';
import { createSimulatedPayoutProvider } from '@/lib/payments/simulated-payouts';
import { createTestDatabase } from '@/tests/helpers/db';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
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

(serverUrl ? describe : describe.skip)('concurrent withdrawals on the server', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = await openDatabase({ url: database.url!, max: 12 });
  });
  afterAll(async () => {
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
});
