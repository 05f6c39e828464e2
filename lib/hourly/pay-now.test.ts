import { and, eq } from 'drizzle-orm';
import { auditLog, invoices, users } from '@/db/schema';
import { settleDueCharges } from '@/lib/billing/charges';
import { removeBillingMethod, setDefaultBillingMethod } from '@/lib/billing/service';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import {
  addSimulatedCard,
  APPROVED_CARD,
  DECLINES_ON_CHARGE,
  processorChargesFor,
} from '@/tests/helpers/billing-fixtures';
import { createWorkspace } from '@/tests/helpers/compliance-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  expectLedgerSound,
  hourlyChargeHooks,
  invoicedWeek,
} from '@/tests/helpers/hourly-fixtures';
import { chargesOfInvoice, emailsTo } from '@/tests/helpers/tick-fixtures';
import { hourlyChargeKeyOf } from './invoice-charges';
import { payInvoiceNow, payNowOfferOf } from './pay-now';
import { pauseReasonOf } from './pause';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());
beforeEach(() => {
  // Monday 12:00 UTC: the week of 2026-11-30 is invoiced.
  clock = useFakeClock(new Date('2026-12-07T12:00:00Z'));
});
afterEach(() => clock.restore());

const db = () => database.db;
const DAY = 86_400_000;

/** An hourly week invoiced and charged on a card that declines every charge: payment_failed. */
async function failedWeek() {
  const provider = createSimulatedProvider(db());
  const inviter = await createWorkspace(db(), 'company');
  const card = await addSimulatedCard(db(), provider, inviter, DECLINES_ON_CHARGE);
  if (!card.ok) throw new Error(card.message);
  const week = await invoicedWeek(db(), { weekStart: '2026-11-30', inviter });
  expect(week.invoice.paymentStatus).toBe('payment_failed');
  const [charge] = await chargesOfInvoice(db(), week.invoice.id);
  expect(charge).toMatchObject({ status: 'failed', attempt: 1 });
  const actor = { userId: inviter.userId, workspaceId: inviter.workspaceId, ip: '203.0.113.9' };
  return { ...week, provider, actor, declinedMethodId: card.methodId };
}

/** A working card, made the workspace's default. */
async function switchToApprovedCard(week: Awaited<ReturnType<typeof failedWeek>>) {
  const added = await addSimulatedCard(db(), week.provider, week.inviter, APPROVED_CARD);
  if (!added.ok) throw new Error(added.message);
  await setDefaultBillingMethod(db(), week.inviter, added.methodId, null);
}

const invoiceRow = async (id: string) =>
  (await db().select().from(invoices).where(eq(invoices.id, id)))[0];

const payNow = (week: Awaited<ReturnType<typeof failedWeek>>, attempt: number) =>
  payInvoiceNow(db(), week.provider, hourlyChargeHooks, week.actor, {
    invoiceId: week.invoice.id,
    attempt,
  });

it('charges the failed invoice again on the current default card: paid, in review, the pause lifted, audited', async () => {
  const week = await failedWeek();
  // Eight days after the failure new time is paused; the client then pays.
  clock.advance(8 * DAY);
  expect(await pauseReasonOf(db(), week.contract.id, clock.now())).toContain(week.invoice.number);
  await switchToApprovedCard(week);
  expect(await payNowOfferOf(db(), week.invoice)).toMatchObject({ attempt: 1 });

  expect(await payNow(week, 1)).toEqual({ ok: true, outcome: 'paid', invoiceId: week.invoice.id });

  expect(await invoiceRow(week.invoice.id)).toMatchObject({ paymentStatus: 'paid' });
  const [charge, ...more] = await chargesOfInvoice(db(), week.invoice.id);
  expect(more).toHaveLength(0);
  expect(charge).toMatchObject({ status: 'succeeded', attempt: 2 });
  // One charge at the processor per attempt: the declined first, the paid second.
  const key = hourlyChargeKeyOf(week.invoice);
  expect((await processorChargesFor(db(), key)).map((c) => c.idempotencyKey).sort()).toEqual([
    `${key}:1`,
    `${key}:2`,
  ]);
  expect(await balanceOf(db(), accounts.inReview(week.contract.id))).toBe(week.invoice.grossCents);
  expect(await pauseReasonOf(db(), week.contract.id, clock.now())).toBeNull();
  const audits = await db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, week.invoice.id), eq(auditLog.action, 'invoice.pay_now')));
  expect(audits).toHaveLength(1);
  expect(audits[0]).toMatchObject({ actorId: week.actor.userId, ip: '203.0.113.9' });
  expect(audits[0].detail).toContain('attempt 2');
  await expectLedgerSound(db());
});

it('pays an invoice whose automatic retries are all spent (none scheduled any more)', async () => {
  const week = await failedWeek();
  // The retry job runs through every retry on the declining card: days 1, 3 and 7.
  for (let day = 0; day < 10; day++) {
    clock.advance(DAY);
    await settleDueCharges(db(), week.provider, hourlyChargeHooks);
    await settleDueCharges(db(), week.provider, hourlyChargeHooks);
  }
  const [spent] = await chargesOfInvoice(db(), week.invoice.id);
  expect(spent).toMatchObject({ status: 'failed', attempt: 4, nextAttemptAt: null });
  expect((await invoiceRow(week.invoice.id)).paymentStatus).toBe('payment_failed');

  await switchToApprovedCard(week);
  expect(await payNow(week, 4)).toEqual({ ok: true, outcome: 'paid', invoiceId: week.invoice.id });
  expect((await invoiceRow(week.invoice.id)).paymentStatus).toBe('paid');
  expect(await pauseReasonOf(db(), week.contract.id, clock.now())).toBeNull();
  await expectLedgerSound(db());
});

it('charges once for a double submit of the same attempt, and answers "already paid" after', async () => {
  const week = await failedWeek();
  await switchToApprovedCard(week);
  const [first, second] = await Promise.all([payNow(week, 1), payNow(week, 1)]);
  const answers = [first, second].map((r) => (r.ok ? r.outcome : r.reason)).sort();
  // The one that lost the race answers what the other did (paid, or still processing).
  expect(answers[0]).toMatch(/^(already-paid|in-progress|paid)$/);
  expect(answers).toContain('paid');
  expect(await payNow(week, 1)).toMatchObject({ ok: false, reason: 'already-paid' });
  expect(await chargesOfInvoice(db(), week.invoice.id)).toMatchObject([
    { status: 'succeeded', attempt: 2 },
  ]);
  const key = hourlyChargeKeyOf(week.invoice);
  expect(await processorChargesFor(db(), key)).toHaveLength(2);
  expect(await balanceOf(db(), accounts.inReview(week.contract.id))).toBe(week.invoice.grossCents);
  await expectLedgerSound(db());
});

it('leaves a declined card payment_failed, emails the client, and a second post of the same form sends nothing', async () => {
  const week = await failedWeek();
  const [client] = await db().select().from(users).where(eq(users.id, week.inviter.userId));
  const emailsBefore = (await emailsTo(db(), client.email, 'payment-failed')).length;

  expect(await payNow(week, 1)).toMatchObject({ ok: true, outcome: 'declined' });
  const row = await invoiceRow(week.invoice.id);
  expect(row).toMatchObject({
    paymentStatus: 'payment_failed',
    paymentFailedAt: week.invoice.paymentFailedAt,
  });
  expect(await payNowOfferOf(db(), row)).toMatchObject({
    attempt: 2,
    failureReason: expect.stringContaining('declined'),
  });
  expect(await emailsTo(db(), client.email, 'payment-failed')).toHaveLength(emailsBefore + 1);

  // The same form again (attempt 1): answered as declined, nothing sent.
  expect(await payNow(week, 1)).toMatchObject({ ok: true, outcome: 'declined' });
  expect(await chargesOfInvoice(db(), week.invoice.id)).toMatchObject([
    { status: 'failed', attempt: 2 },
  ]);
  expect(await processorChargesFor(db(), hourlyChargeKeyOf(week.invoice))).toHaveLength(2);
  expect(await balanceOf(db(), accounts.inReview(week.contract.id))).toBe(0);
});

it("refuses another client's invoice, and changes nothing", async () => {
  const week = await failedWeek();
  const other = await createWorkspace(db(), 'company');
  const card = await addSimulatedCard(db(), week.provider, other, APPROVED_CARD);
  if (!card.ok) throw new Error(card.message);
  const result = await payInvoiceNow(
    db(),
    week.provider,
    hourlyChargeHooks,
    { userId: other.userId, workspaceId: other.workspaceId },
    { invoiceId: week.invoice.id, attempt: 1 },
  );
  expect(result).toMatchObject({ ok: false, reason: 'not-found' });
  expect(await chargesOfInvoice(db(), week.invoice.id)).toMatchObject([
    { status: 'failed', attempt: 1 },
  ]);
  expect(await invoiceRow(week.invoice.id)).toMatchObject({ paymentStatus: 'payment_failed' });
  expect(await processorChargesFor(db(), hourlyChargeKeyOf(week.invoice))).toHaveLength(1);
});

it('refuses an invoice whose payment has not failed, and one with no billing method left', async () => {
  const paid = await invoicedWeek(db(), { weekStart: '2026-11-30' });
  expect(paid.invoice.paymentStatus).toBe('paid');
  const asPaidClient = {
    userId: paid.inviter.userId,
    workspaceId: paid.inviter.workspaceId,
  };
  expect(
    await payInvoiceNow(db(), createSimulatedProvider(db()), hourlyChargeHooks, asPaidClient, {
      invoiceId: paid.invoice.id,
      attempt: 1,
    }),
  ).toMatchObject({ ok: false, reason: 'already-paid' });

  const unpaid = await invoicedWeek(db(), { weekStart: '2026-11-30', pay: false });
  expect(
    await payInvoiceNow(
      db(),
      createSimulatedProvider(db()),
      hourlyChargeHooks,
      { userId: unpaid.inviter.userId, workspaceId: unpaid.inviter.workspaceId },
      { invoiceId: unpaid.invoice.id, attempt: 1 },
    ),
  ).toMatchObject({ ok: false, reason: 'not-failed' });

  const week = await failedWeek();
  const removed = await removeBillingMethod(
    db(),
    week.provider,
    week.inviter,
    week.declinedMethodId,
    null,
  );
  expect(removed.ok).toBe(true);
  expect(await payNow(week, 1)).toMatchObject({ ok: false, reason: 'no-billing-method' });
  expect(await chargesOfInvoice(db(), week.invoice.id)).toMatchObject([
    { status: 'failed', attempt: 1 },
  ]);
});
