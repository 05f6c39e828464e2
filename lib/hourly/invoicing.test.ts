import { eq, sql } from 'drizzle-orm';
import { auditLog, invoiceLines, timeEntries } from '@/db/schema';
import { settleDueCharges } from '@/lib/billing/charges';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { chargeHooks } from '@/lib/server/jobs';
import { runBillingTick } from '@/lib/tick';
import { addSimulatedCard, APPROVED_CARD } from '@/tests/helpers/billing-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  addTime,
  chargesOfInvoice,
  emailsTo,
  invoicesOf,
  ledgerTransactionsOf,
  quiet,
  tickContract,
} from '@/tests/helpers/tick-fixtures';
import { formatDuration, invoicedWeeksEndOf, lineCents } from './invoicing';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
beforeAll(async () => {
  database = await createTestDatabase();
  clock = useFakeClock(new Date('2026-11-30T08:00:00Z'));
});
afterAll(async () => {
  clock.restore();
  await database.dispose();
});

const MINUTE = 60_000;
const simulated = () => createSimulatedProvider(database.db);

/** The tick at `iso`, with the clock there too (the invoice's issue time reads it). */
async function tickAt(iso: string | Date) {
  const at = new Date(iso);
  clock.set(at);
  return runBillingTick(database.db, at, { log: quiet });
}

/** The settlement job `minutes` later: processing charges are read, due retries sent. */
async function settleAfter(ms: number) {
  clock.advance(ms);
  await settleDueCharges(database.db, simulated(), chargeHooks());
}

describe('pure rules', () => {
  it('rounds each line half up to the cent and finds the closed weeks', () => {
    expect(lineCents(30, 5001)).toBe(2501);
    expect(lineCents(10, 5001)).toBe(834);
    expect(lineCents(10, 4999)).toBe(833);
    expect(lineCents(60, 5000)).toBe(5000);
    expect(formatDuration(150)).toBe('2 h 30 min');
    expect(formatDuration(45)).toBe('45 min');
    // Last week closes at Monday 12:00 UTC, not a millisecond before.
    expect(invoicedWeeksEndOf(new Date('2026-12-07T11:59:59.999Z'))).toEqual(
      new Date('2026-11-30T00:00:00Z'),
    );
    expect(invoicedWeeksEndOf(new Date('2026-12-07T12:00:00Z'))).toEqual(
      new Date('2026-12-07T00:00:00Z'),
    );
  });
});

describe('issueDueInvoices through the billing tick', () => {
  it('invoices last week at Monday 12:00 UTC, charges it once, and posts the charge to in_review', async () => {
    const contract = await tickContract(database.db, simulated(), { rateCents: 5001 });
    const entries = await addTime(database.db, contract, [
      ['2026-11-30T09:00:00Z', '2026-11-30T11:30:00Z'],
      ['2026-11-30T13:00:00Z', '2026-11-30T13:20:00Z'],
      ['2026-12-02T10:00:00Z', '2026-12-02T10:10:00Z'],
    ]);

    await tickAt('2026-12-07T11:59:59.999Z');
    expect(await invoicesOf(database.db, contract.contractId)).toHaveLength(0);

    await tickAt('2026-12-07T12:00:00Z');
    await tickAt('2026-12-07T12:00:00Z');
    await tickAt('2026-12-07T12:05:00Z');
    const [invoice, ...more] = await invoicesOf(database.db, contract.contractId);
    expect(more).toHaveLength(0);
    expect(invoice).toMatchObject({
      kind: 'hourly',
      weekStart: '2026-11-30',
      minutes: 180,
      rateCents: 5001,
      grossCents: 14_170 + 834,
      feeCents: 1_500,
      netCents: 13_504,
      paymentStatus: 'awaiting_payment',
      reviewEndsAt: new Date('2026-12-12T00:00:00Z'),
    });
    const lines = await database.db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoice.id))
      .orderBy(invoiceLines.position);
    expect(lines.map((l) => [l.workDate, l.minutes, l.amountCents])).toEqual([
      ['2026-11-30', 170, 14_170],
      ['2026-12-02', 10, 834],
    ]);
    expect(lines[0].description).toBe('Mon, November 30, 2026: 2 h 50 min at $50.01/h');

    const linked = await database.db
      .select({ invoiceId: timeEntries.invoiceId })
      .from(timeEntries)
      .where(eq(timeEntries.contractId, contract.contractId));
    expect(linked.map((row) => row.invoiceId)).toEqual(entries.map(() => invoice.id));

    const toClient = await emailsTo(database.db, contract.clientEmail, 'invoice-issued-client');
    const toFreelancer = await emailsTo(
      database.db,
      contract.freelancerEmail,
      'invoice-issued-freelancer',
    );
    expect(toClient).toHaveLength(1);
    expect(toFreelancer).toHaveLength(1);
    expect(toClient[0].subject).toContain(invoice.number);
    expect(toClient[0].text).toContain(`/invoices/${invoice.id}`);
    expect(toFreelancer[0].text).toContain('$135.04');
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, invoice.id));
    expect(audit.action).toBe('invoice.issued');

    const [charge, ...otherCharges] = await chargesOfInvoice(database.db, invoice.id);
    expect(otherCharges).toHaveLength(0);
    expect(charge).toMatchObject({
      idempotencyKey: `hourly:${contract.contractId}:2026-W49:charge`,
      sourceType: 'hourly_invoice',
      amountCents: 15_004,
      workspaceId: contract.workspaceId,
    });
    expect(invoice.chargeId).toBe(charge.id);

    await settleAfter(2 * MINUTE);
    await settleAfter(2 * MINUTE);
    const [paid] = await invoicesOf(database.db, contract.contractId);
    expect(paid.paymentStatus).toBe('paid');
    expect(paid.paidAt).not.toBeNull();
    expect(await ledgerTransactionsOf(database.db, invoice.id)).toEqual([
      { kind: 'charge', key: `hourly:${contract.contractId}:2026-W49:charge`, cents: 15_004 },
    ]);
    expect(await balanceOf(database.db, accounts.inReview(contract.contractId))).toBe(15_004);
  });

  it('makes no invoice for a week with no time, and catches up on weeks a tick missed', async () => {
    const contract = await tickContract(database.db, simulated());
    await addTime(database.db, contract, [
      ['2026-11-16T09:00:00Z', '2026-11-16T10:00:00Z'], // W47
      ['2026-11-24T09:00:00Z', '2026-11-24T09:30:00Z'], // W48; W49 has no time
      ['2026-11-23T09:00:00Z', '2026-11-23T09:20:00Z'],
    ]);
    // The tick did not run for three weeks: on 2026-12-07 it invoices W47 and W48, not W49.
    await tickAt('2026-12-07T12:00:00Z');
    const issued = await invoicesOf(database.db, contract.contractId);
    expect(issued.map((i) => [i.weekStart, i.minutes, i.grossCents])).toEqual([
      ['2026-11-16', 60, 5_000],
      ['2026-11-23', 50, 4_167],
    ]);
    // A week invoiced late still gives the client the review time of an invoice on time.
    expect(issued[1].reviewEndsAt).toEqual(new Date('2026-12-12T00:00:00Z'));
    await tickAt('2026-12-14T12:00:00Z');
    expect(await invoicesOf(database.db, contract.contractId)).toHaveLength(2);
  });

  it('bills up to the weekly limit, and 168 h in a week without a limit', async () => {
    const limited = await tickContract(database.db, simulated(), { weeklyLimitHours: 20 });
    const unlimited = await tickContract(database.db, simulated(), { weeklyLimitHours: null });
    const thirtyHours: [string, string][] = ['01', '02', '03'].map((day) => [
      `2026-12-${day}T08:00:00Z`,
      `2026-12-${day}T18:00:00Z`,
    ]);
    await addTime(database.db, limited, thirtyHours);
    // Every hour of the week (7 × 24 h) and two more, overlapping, on Monday.
    const wholeWeek: [string, string][] = Array.from({ length: 7 }, (_, day) => [
      new Date(Date.UTC(2026, 10, 30 + day)).toISOString(),
      new Date(Date.UTC(2026, 10, 31 + day)).toISOString(),
    ]);
    await addTime(database.db, unlimited, [
      ...wholeWeek,
      ['2026-11-30T09:00:00Z', '2026-11-30T11:00:00Z'],
    ]);
    await tickAt('2026-12-07T12:00:00Z');
    const [cut] = await invoicesOf(database.db, limited.contractId);
    expect(cut.minutes).toBe(20 * 60);
    expect(cut.grossCents).toBe(20 * 5_000);
    const [capped] = await invoicesOf(database.db, unlimited.contractId);
    expect(capped.minutes).toBe(168 * 60);
    expect(capped.grossCents).toBe(168 * 5_000);
    // Over-the-limit entries are on the invoice's week too: they can no longer change.
    const open = await database.db.select().from(timeEntries)
      .where(sql`${timeEntries.contractId} in (${limited.contractId}, ${unlimited.contractId})
        and ${timeEntries.invoiceId} is null`);
    expect(open).toHaveLength(0);
  });

  it('keeps to UTC weeks across the daylight-saving changes, whatever the zones', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    await database.db.execute(sql`set time zone 'America/New_York'`);
    try {
      const contract = await tickContract(database.db, simulated());
      await addTime(database.db, contract, [
        // Europe leaves summer time at 01:00 UTC on Sunday, October 25 (W43).
        ['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z'],
        // The US leaves it on Sunday, November 1 (W44): 23:00 UTC is still Sunday in UTC.
        ['2026-11-01T23:00:00Z', '2026-11-01T23:50:00Z'],
        // Sunday evening in New York, Monday in UTC: next week's time (W45).
        ['2026-11-02T00:10:00Z', '2026-11-02T00:40:00Z'],
      ]);
      await tickAt('2026-10-26T12:00:00Z');
      await tickAt('2026-11-02T11:59:59Z');
      expect((await invoicesOf(database.db, contract.contractId)).map((i) => i.weekStart)).toEqual([
        '2026-10-19',
      ]);
      await tickAt('2026-11-02T12:00:00Z');
      const issued = await invoicesOf(database.db, contract.contractId);
      expect(issued.map((i) => [i.weekStart, i.minutes])).toEqual([
        ['2026-10-19', 60],
        ['2026-10-26', 50],
      ]);
      expect(issued[1].reviewEndsAt).toEqual(new Date('2026-11-07T00:00:00Z'));
      const [line] = await database.db
        .select()
        .from(invoiceLines)
        .where(eq(invoiceLines.invoiceId, issued[1].id));
      expect(line.workDate).toBe('2026-11-01');
      const [monday] = await database.db
        .select()
        .from(timeEntries)
        .where(eq(timeEntries.startedAt, new Date('2026-11-02T00:10:00Z')));
      expect(monday.invoiceId).toBeNull();
    } finally {
      await database.db.execute(sql`set time zone 'UTC'`);
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('without a billing method leaves the invoice awaiting payment, then charges it once a card is added', async () => {
    const contract = await tickContract(database.db, simulated(), { card: null });
    await addTime(database.db, contract, [['2027-01-05T09:00:00Z', '2027-01-05T11:00:00Z']]);
    await tickAt('2027-01-11T12:00:00Z');
    await tickAt('2027-01-11T12:05:00Z');
    const [invoice] = await invoicesOf(database.db, contract.contractId);
    expect(invoice).toMatchObject({ paymentStatus: 'awaiting_payment', chargeId: null });
    expect(await chargesOfInvoice(database.db, invoice.id)).toHaveLength(0);
    expect(await emailsTo(database.db, contract.clientEmail, 'invoice-issued-client')).toHaveLength(
      1,
    );

    await addSimulatedCard(
      database.db,
      simulated(),
      {
        userId: contract.clientUserId,
        name: 'Dana Lee',
        workspaceId: contract.workspaceId,
        workspaceName: 'Acme Studio',
      },
      APPROVED_CARD,
    );
    await tickAt('2027-01-11T14:00:00Z');
    await tickAt('2027-01-11T14:05:00Z');
    const charges = await chargesOfInvoice(database.db, invoice.id);
    expect(charges).toHaveLength(1);
    await settleAfter(2 * MINUTE);
    const [paid] = await invoicesOf(database.db, contract.contractId);
    expect(paid).toMatchObject({ paymentStatus: 'paid', chargeId: charges[0].id });
    expect(await balanceOf(database.db, accounts.inReview(contract.contractId))).toBe(10_000);
  });

  it('posts a charge that settles only after the review window', async () => {
    const contract = await tickContract(database.db, simulated());
    await addTime(database.db, contract, [['2027-02-02T09:00:00Z', '2027-02-02T10:00:00Z']]);
    await tickAt('2027-02-08T12:00:00Z');
    // The settlement job next runs after Saturday 00:00 (it was down).
    clock.set(new Date('2027-02-14T09:00:00Z'));
    await settleDueCharges(database.db, simulated(), chargeHooks());
    const [invoice] = await invoicesOf(database.db, contract.contractId);
    expect(invoice.paymentStatus).toBe('paid');
    expect(invoice.paidAt).toEqual(new Date('2027-02-14T09:00:00Z'));
    expect(await ledgerTransactionsOf(database.db, invoice.id)).toHaveLength(1);
    expect(await balanceOf(database.db, accounts.inReview(contract.contractId))).toBe(5_000);
  });
});
