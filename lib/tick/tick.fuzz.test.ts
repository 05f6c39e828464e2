import fc from 'fast-check';
import { inArray } from 'drizzle-orm';
import { invoices, paymentCharges } from '@/db/schema';
import { settleDueCharges } from '@/lib/billing/charges';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { weekStartDate } from '@/lib/hourly/week';
import { accounts } from '@/lib/ledger/accounts';
import { describeProblem, findLedgerProblems } from '@/lib/ledger/check';
import { balanceOf } from '@/lib/ledger/queries';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { chargeHooks } from '@/lib/server/jobs';
import { APPROVED_CARD, DECLINES_ON_CHARGE } from '@/tests/helpers/billing-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  addTime,
  ledgerTransactionsOf,
  quiet,
  tickContract,
  type TickContract,
} from '@/tests/helpers/tick-fixtures';
import { runBillingTick } from './index';

/*
 * Billing ticks (and the settlement job) at random times over several weeks of random time
 * on a few contracts whose clients pay, decline or have no card. After every tick: the
 * ledger's invariants hold (lib/ledger/check: every transaction balanced, all accounts at
 * zero together, no non-world account negative), no invoice is charged or released twice, a
 * contract's in_review is the sum of its paid invoices not yet released; at the end every week with time has
 * exactly one invoice.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const WEEKS = 4;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
let run = 0;
beforeAll(async () => {
  database = await createTestDatabase();
  clock = useFakeClock(new Date('2027-01-04T00:00:00Z'));
});
afterAll(async () => {
  clock.restore();
  await database.dispose();
});

const entryArb = fc.record({
  week: fc.integer({ min: 0, max: WEEKS - 1 }),
  day: fc.integer({ min: 0, max: 6 }),
  hour: fc.integer({ min: 0, max: 20 }),
  tenMinutes: fc.integer({ min: 1, max: 24 }),
});
const contractArb = fc.record({
  card: fc.constantFrom<string | null>(APPROVED_CARD, APPROVED_CARD, DECLINES_ON_CHARGE, null),
  weeklyLimitHours: fc.constantFrom<number | null>(null, 5, 40),
  entries: fc.array(entryArb, { minLength: 0, maxLength: 6 }),
});
/** Offsets of the ticks from the first Monday; a repeated offset is the same tick again. */
const ticksArb = fc.array(fc.integer({ min: 0, max: (WEEKS + 2) * WEEK }), {
  minLength: 1,
  maxLength: 6,
});

async function checkInvariants(made: TickContract[]) {
  expect((await findLedgerProblems(database.db)).map(describeProblem)).toEqual([]);
  const ids = made.map((c) => c.contractId);
  const issued = await database.db.select().from(invoices).where(inArray(invoices.contractId, ids));
  expect(new Set(issued.map((i) => `${i.contractId}:${i.weekStart}`)).size).toBe(issued.length);
  const charges = issued.length
    ? await database.db
        .select()
        .from(paymentCharges)
        .where(
          inArray(
            paymentCharges.sourceId,
            issued.map((i) => i.id),
          ),
        )
    : [];
  expect(new Set(charges.map((c) => c.sourceId)).size).toBe(charges.length);
  for (const invoice of issued) {
    const posted = await ledgerTransactionsOf(database.db, invoice.id);
    const kinds = posted.map((p) => p.kind).sort();
    // Charged once when paid; released (the whole week: no disputes here) once, after that.
    expect(kinds).toEqual(
      invoice.paymentStatus !== 'paid'
        ? []
        : invoice.releasedAt
          ? ['charge', 'release']
          : ['charge'],
    );
    expect(posted.find((p) => p.kind === 'charge')?.cents ?? invoice.grossCents).toBe(
      invoice.grossCents,
    );
  }
  for (const contract of made) {
    const paid = issued
      .filter(
        (i) => i.contractId === contract.contractId && i.paymentStatus === 'paid' && !i.releasedAt,
      )
      .reduce((sum, i) => sum + i.grossCents, 0);
    expect(await balanceOf(database.db, accounts.inReview(contract.contractId))).toBe(paid);
  }
  return issued;
}

it('keeps the ledger whole and charges each week once, whenever the ticks run', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(contractArb, { minLength: 1, maxLength: 3 }),
      ticksArb,
      async (contractsSpec, offsets) => {
        // Each run in weeks of its own, so earlier runs' contracts are long settled.
        const monday = new Date(Date.UTC(2027, 0, 4) + run * (WEEKS + 4) * WEEK);
        run += 1;
        clock.set(monday);
        const provider = createSimulatedProvider(database.db);
        const made: TickContract[] = [];
        const weeksWithTime = new Set<string>();
        for (const spec of contractsSpec) {
          const contract = await tickContract(database.db, provider, {
            card: spec.card,
            weeklyLimitHours: spec.weeklyLimitHours,
          });
          await addTime(
            database.db,
            contract,
            spec.entries.map((e) => {
              const start = monday.getTime() + e.week * WEEK + e.day * DAY + e.hour * HOUR;
              return [
                new Date(start).toISOString(),
                new Date(start + e.tenMinutes * 600_000).toISOString(),
              ];
            }),
          );
          for (const e of spec.entries) {
            weeksWithTime.add(
              `${contract.contractId}:${weekStartDate(new Date(monday.getTime() + e.week * WEEK))}`,
            );
          }
          made.push(contract);
        }
        const times = [...offsets.sort((a, b) => a - b), (WEEKS + 3) * WEEK].map(
          (offset) => new Date(monday.getTime() + offset),
        );
        for (const at of times) {
          clock.set(at);
          await runBillingTick(database.db, at, { log: quiet });
          clock.set(new Date(at.getTime() + 2 * 60_000));
          await settleDueCharges(database.db, provider, chargeHooks());
          await checkInvariants(made);
        }
        const issued = await checkInvariants(made);
        expect(new Set(issued.map((i) => `${i.contractId}:${i.weekStart}`))).toEqual(weeksWithTime);
      },
    ),
    { numRuns: 6 },
  );
});
