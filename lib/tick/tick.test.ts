import { eq, inArray } from 'drizzle-orm';
import { emailOutbox, invoices, paymentCharges } from '@/db/schema';
import { settleDueCharges } from '@/lib/billing/charges';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { makeDueFundsAvailable } from '@/lib/earnings/release';
import { invoiceClosedWeeks, issueDueInvoices } from '@/lib/hourly/invoicing';
import { accounts } from '@/lib/ledger/accounts';
import { findLedgerProblems } from '@/lib/ledger/check';
import { balanceOf } from '@/lib/ledger/queries';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { chargeHooks } from '@/lib/server/jobs';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  addTime,
  chargesOfInvoice,
  invoicesOf,
  quiet,
  tickContract,
  type TickContract,
} from '@/tests/helpers/tick-fixtures';
import { runBillingTick } from './index';
import { TICK_STEPS, type TickStep } from './steps';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
beforeAll(async () => {
  database = await createTestDatabase();
  clock = useFakeClock(new Date('2026-12-07T12:00:00Z'));
});
afterAll(async () => {
  clock.restore();
  await database.dispose();
});

const simulated = () => createSimulatedProvider(database.db);

/** `count` contracts with an hour of time on Tuesday of the week starting `monday`. */
async function contractsWithTime(count: number, monday: string): Promise<TickContract[]> {
  const made: TickContract[] = [];
  for (let i = 0; i < count; i += 1) {
    const contract = await tickContract(database.db, simulated());
    const tuesday = new Date(new Date(`${monday}T00:00:00Z`).getTime() + 86_400_000);
    const start = new Date(tuesday.getTime() + 9 * 3_600_000);
    await addTime(database.db, contract, [
      [start.toISOString(), new Date(start.getTime() + 3_600_000).toISOString()],
    ]);
    made.push(contract);
  }
  return made;
}

async function stateOf(made: TickContract[]) {
  const ids = made.map((c) => c.contractId);
  const issued = await database.db.select().from(invoices).where(inArray(invoices.contractId, ids));
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
  const emails = await database.db
    .select({ template: emailOutbox.template })
    .from(emailOutbox)
    .where(
      inArray(
        emailOutbox.toAddress,
        made.flatMap((c) => [c.clientEmail, c.freelancerEmail]),
      ),
    );
  return {
    invoicedContracts: new Set(issued.map((i) => i.contractId)).size,
    invoices: issued.length,
    charges: charges.length,
    chargedInvoices: new Set(charges.map((c) => c.sourceId)).size,
    emails: emails.filter((e) => e.template.startsWith('invoice-issued-')).length,
  };
}

it('runs its steps in order: weeks closed and invoiced before releases, releases before availability, availability before automatic withdrawals', () => {
  const names = TICK_STEPS.map((step) => step.name);
  const order = [
    'stopTimersAtDayEnd',
    'issueDueInvoices',
    'releaseDueInvoices',
    'makeDueFundsAvailable',
    'runScheduledWithdrawals',
  ];
  expect(order.map((name) => names.indexOf(name))).toEqual(
    [...order.map((name) => names.indexOf(name))].sort((a, b) => a - b),
  );
  expect(order.every((name) => names.includes(name))).toBe(true);
});

it('changes nothing when run twice for the same time', async () => {
  const made = await contractsWithTime(3, '2026-11-30');
  const at = new Date('2026-12-07T12:00:00Z');
  clock.set(at);
  const first = await runBillingTick(database.db, at, { log: quiet });
  const after = await stateOf(made);
  const second = await runBillingTick(database.db, at, { log: quiet });
  expect(after).toEqual({
    invoicedContracts: 3,
    invoices: 3,
    charges: 3,
    chargedInvoices: 3,
    emails: 6,
  });
  expect(await stateOf(made)).toEqual(after);
  expect(first.steps.find((s) => s.name === 'issueDueInvoices')!.handled).toBeGreaterThanOrEqual(3);
  expect(second.steps.find((s) => s.name === 'issueDueInvoices')!.handled).toBe(0);
});

it('finishes a tick a worker died in (mid-batch), invoicing and charging each contract once', async () => {
  const made = await contractsWithTime(5, '2027-01-04');
  const at = new Date('2027-01-11T12:00:00Z');
  clock.set(at);
  // The tick's own steps, the close of weeks dying after its third contract.
  const killedAfterThree: TickStep = {
    name: 'issueDueInvoices',
    run: (db, when) =>
      issueDueInvoices(db, when, {
        batchSize: 2,
        log: quiet,
        onProgress: (done) => {
          if (done === 3) throw new Error('worker killed');
        },
      }),
  };
  const dying = TICK_STEPS.map((step) =>
    step.name === 'issueDueInvoices' ? killedAfterThree : step,
  );
  await expect(runBillingTick(database.db, at, { steps: dying, log: quiet })).rejects.toThrow(
    'step(s) failed',
  );
  // A batch is one transaction (a savepoint per contract): the dying batch rolls back whole,
  // the first batch of two stays invoiced.
  expect((await stateOf(made)).invoices).toBe(2);

  clock.set(new Date('2027-01-11T12:05:00Z'));
  await runBillingTick(database.db, new Date('2027-01-11T12:05:00Z'), { log: quiet });
  expect(await stateOf(made)).toEqual({
    invoicedContracts: 5,
    invoices: 5,
    charges: 5,
    chargedInvoices: 5,
    emails: 10,
  });
});

it('charges an invoice whose process stopped between issuing it and asking for the charge', async () => {
  const [contract] = await contractsWithTime(1, '2027-01-18');
  const at = new Date('2027-01-25T12:00:00Z');
  clock.set(at);
  // What a process killed right after the invoice's commit leaves: an invoice, no charge.
  const [issued] = await invoiceClosedWeeks(database.db, contract.contractId, at);
  expect(await chargesOfInvoice(database.db, issued.id)).toHaveLength(0);

  await runBillingTick(database.db, new Date('2027-01-25T12:05:00Z'), { log: quiet });
  await runBillingTick(database.db, new Date('2027-01-25T12:10:00Z'), { log: quiet });
  const charges = await chargesOfInvoice(database.db, issued.id);
  expect(charges).toHaveLength(1);
  expect(await invoicesOf(database.db, contract.contractId)).toHaveLength(1);
  clock.set(new Date('2027-01-25T12:15:00Z'));
  await settleDueCharges(database.db, simulated(), chargeHooks());
  expect(await balanceOf(database.db, accounts.inReview(contract.contractId))).toBe(5_000);
});

it('runs the later steps when one fails, then says so', async () => {
  const [contract] = await contractsWithTime(1, '2027-02-01');
  clock.set(new Date('2027-02-08T12:00:00Z'));
  await runBillingTick(database.db, new Date('2027-02-08T12:00:00Z'), { log: quiet });
  clock.set(new Date('2027-02-08T12:05:00Z'));
  await settleDueCharges(database.db, simulated(), chargeHooks());
  const [invoice] = await invoicesOf(database.db, contract.contractId);
  // Saturday 00:00: the review is over and the tick releases the week, available Wednesday.
  clock.set(new Date('2027-02-13T00:00:00Z'));
  await runBillingTick(database.db, new Date('2027-02-13T00:00:00Z'), { log: quiet });
  expect(await balanceOf(database.db, accounts.pending(contract.freelancerId))).toBe(
    invoice.netCents,
  );
  const at = new Date('2027-02-17T00:00:00Z');
  clock.set(at);
  const broken: TickStep = {
    name: 'broken',
    run: async () => {
      throw new Error('boom');
    },
  };
  await expect(
    runBillingTick(database.db, at, { steps: [broken, ...TICK_STEPS], log: quiet }),
  ).rejects.toThrow('1 step(s) failed');
  expect(await balanceOf(database.db, accounts.available(contract.freelancerId))).toBe(
    invoice.netCents,
  );
  expect(await makeDueFundsAvailable(database.db, at)).toBe(0);
  expect(await findLedgerProblems(database.db)).toEqual([]);
  const [paid] = await database.db.select().from(invoices).where(eq(invoices.id, invoice.id));
  expect(paid.paymentStatus).toBe('paid');
});
