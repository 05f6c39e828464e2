import { and, eq, inArray, isNull } from 'drizzle-orm';
import { auditLog, invoiceLines, timeEntries } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  addTime,
  emailsTo,
  invoicesOf,
  tickContract,
  type TickContract,
} from '@/tests/helpers/tick-fixtures';
import { invoiceContractBatch } from './invoice-batch';
import { invoiceEmailTemplates } from './invoice-emails';
import { invoiceClosedWeeks } from './invoicing';

/*
 * The tick invoices a batch of contracts set-based (invoice-batch.ts) and falls back to one
 * contract at a time (invoicing.ts): both must issue the same invoice for the same time.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
const at = new Date('2026-12-14T12:00:00Z');
beforeAll(async () => {
  database = await createTestDatabase();
  clock = useFakeClock(at);
});
afterAll(async () => {
  clock.restore();
  await database.dispose();
});

/** Two closed weeks of time (the first over its 20 h limit), and an entry in this open week. */
const SPANS: [string, string][] = [
  ['2026-11-30T09:00:00Z', '2026-11-30T11:30:00Z'],
  ['2026-12-01T08:00:00Z', '2026-12-01T20:00:00Z'],
  ['2026-12-02T08:00:00Z', '2026-12-02T18:00:00Z'],
  ['2026-12-08T09:00:00Z', '2026-12-08T09:50:00Z'],
  ['2026-12-14T09:00:00Z', '2026-12-14T10:00:00Z'],
];

async function contractWithTime(): Promise<TickContract> {
  const contract = await tickContract(database.db, createSimulatedProvider(database.db), {
    weeklyLimitHours: 20,
    rateCents: 4_999,
  });
  await addTime(database.db, contract, SPANS);
  return contract;
}

/** What an invoice says, without what differs between two contracts (ids, numbers). */
async function issuedFor(contract: TickContract) {
  const issued = await invoicesOf(database.db, contract.contractId);
  return Promise.all(
    issued.map(async (invoice) => ({
      week: invoice.weekStart,
      minutes: invoice.minutes,
      cents: [invoice.grossCents, invoice.feeCents, invoice.netCents],
      status: invoice.paymentStatus,
      reviewEndsAt: invoice.reviewEndsAt,
      lines: (
        await database.db
          .select()
          .from(invoiceLines)
          .where(eq(invoiceLines.invoiceId, invoice.id))
          .orderBy(invoiceLines.position)
      ).map((line) => [line.workDate, line.minutes, line.amountCents, line.description]),
      linkedEntries: (
        await database.db
          .select({ id: timeEntries.id })
          .from(timeEntries)
          .where(eq(timeEntries.invoiceId, invoice.id))
      ).length,
      audits: (
        await database.db.select().from(auditLog).where(eq(auditLog.targetId, invoice.id))
      ).map((entry) => entry.detail?.replace(/^WB-\d+/, 'WB-n')),
    })),
  );
}

it('issues the same invoices, links, emails and audit entries as the one-contract path', async () => {
  const single = await contractWithTime();
  const batched = [await contractWithTime(), await contractWithTime()];
  await invoiceClosedWeeks(database.db, single.contractId, at);
  const issued = await database.db.transaction((tx) =>
    invoiceContractBatch(
      tx,
      batched.map((contract) => contract.contractId),
      at,
      invoiceEmailTemplates(),
    ),
  );
  expect(issued).toHaveLength(4);
  const expected = await issuedFor(single);
  expect(expected.map((invoice) => invoice.week)).toEqual(['2026-11-30', '2026-12-07']);
  // 20 h of 24.5 h billed in the first week: Monday 2.5 h, Tuesday 12 h, Wednesday 5.5 h.
  expect(expected[0].minutes).toBe(20 * 60);
  expect(expected[0].lines.map((line) => line[1])).toEqual([150, 720, 330]);
  for (const contract of batched) {
    expect(await issuedFor(contract)).toEqual(expected);
    expect(await emailsTo(database.db, contract.clientEmail, 'invoice-issued-client')).toHaveLength(
      2,
    );
    expect(
      await emailsTo(database.db, contract.freelancerEmail, 'invoice-issued-freelancer'),
    ).toHaveLength(2);
  }
  // This week's entry stays open, on every contract.
  const open = await database.db
    .select({ id: timeEntries.id })
    .from(timeEntries)
    .where(
      and(
        inArray(
          timeEntries.contractId,
          [single, ...batched].map((contract) => contract.contractId),
        ),
        isNull(timeEntries.invoiceId),
      ),
    );
  expect(open).toHaveLength(3);
});

it('invoices nothing twice: a second batch over the same contracts finds no closed time', async () => {
  const contract = await contractWithTime();
  const run = () =>
    database.db.transaction((tx) =>
      invoiceContractBatch(tx, [contract.contractId], at, invoiceEmailTemplates()),
    );
  expect(await run()).toHaveLength(2);
  expect(await run()).toHaveLength(0);
  expect(await invoicesOf(database.db, contract.contractId)).toHaveLength(2);
});
