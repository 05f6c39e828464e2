import { inArray } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/client';
import { invoices, paymentCharges, timeEntries } from '@/db/schema';
import { settleDueCharges } from '@/lib/billing/charges';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { describeProblem, findLedgerProblems } from '@/lib/ledger/check';
import { balanceOf } from '@/lib/ledger/queries';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { chargeHooks } from '@/lib/server/jobs';
import { createTestDatabase } from '@/tests/helpers/db';
import { addTime, quiet, tickContract, type TickContract } from '@/tests/helpers/tick-fixtures';
import { runBillingTick } from './index';

/*
 * Two workers running the same billing tick at once, on the Postgres server
 * (TEST_DATABASE_URL; PGlite runs one transaction at a time, so nothing races there). Each
 * worker has a pool of its own, as two processes would.
 */
const serverUrl = process.env.TEST_DATABASE_URL;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let workers: Database[];
let clock: FakeClock;

(serverUrl ? describe : describe.skip)('the billing tick on two workers at once', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    workers = await Promise.all([
      openDatabase({ url: database.url!, max: 4 }),
      openDatabase({ url: database.url!, max: 4 }),
    ]);
    clock = useFakeClock(new Date('2026-12-07T12:00:00Z'));
  });
  afterAll(async () => {
    clock.restore();
    await Promise.all(workers.map((worker) => worker.close()));
    await database.dispose();
  });

  it('invoices, charges and posts each contract week once', async () => {
    const provider = createSimulatedProvider(database.db);
    const made: TickContract[] = [];
    for (let i = 0; i < 12; i += 1) {
      const contract = await tickContract(database.db, provider);
      await addTime(database.db, contract, [
        ['2026-11-24T09:00:00Z', '2026-11-24T10:00:00Z'],
        ['2026-12-01T09:00:00Z', '2026-12-01T11:00:00Z'],
      ]);
      made.push(contract);
    }
    const ids = made.map((c) => c.contractId);
    const at = new Date('2026-12-07T12:00:00Z');
    // Two rounds, so a second tick overlapping the end of the first is covered too.
    for (let round = 0; round < 2; round += 1) {
      await Promise.all(
        workers.flatMap((worker) => [
          runBillingTick(worker.db, at, { log: quiet }),
          runBillingTick(worker.db, at, { log: quiet }),
        ]),
      );
    }
    const issued = await database.db
      .select()
      .from(invoices)
      .where(inArray(invoices.contractId, ids));
    expect(issued).toHaveLength(24);
    expect(new Set(issued.map((i) => `${i.contractId}:${i.weekStart}`)).size).toBe(24);
    const charges = await database.db
      .select()
      .from(paymentCharges)
      .where(
        inArray(
          paymentCharges.sourceId,
          issued.map((i) => i.id),
        ),
      );
    expect(charges).toHaveLength(24);
    expect(issued.every((i) => i.chargeId !== null)).toBe(true);
    const entries = await database.db
      .select({ invoiceId: timeEntries.invoiceId })
      .from(timeEntries)
      .where(inArray(timeEntries.contractId, ids));
    expect(entries).toHaveLength(24);
    expect(entries.every((entry) => entry.invoiceId !== null)).toBe(true);

    clock.advance(2 * 60_000);
    await Promise.all(
      workers.map((worker) =>
        settleDueCharges(worker.db, createSimulatedProvider(worker.db), chargeHooks()),
      ),
    );
    clock.advance(2 * 60_000);
    await Promise.all(
      workers.map((worker) =>
        settleDueCharges(worker.db, createSimulatedProvider(worker.db), chargeHooks()),
      ),
    );
    for (const contract of made) {
      // W48: 1 h, W49: 2 h at $50/h.
      expect(await balanceOf(database.db, accounts.inReview(contract.contractId))).toBe(15_000);
    }
    expect((await findLedgerProblems(database.db)).map(describeProblem)).toEqual([]);
  });
});
