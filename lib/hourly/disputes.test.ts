import { and, eq } from 'drizzle-orm';
import {
  auditLog,
  disputeEntries,
  disputes,
  emailOutbox,
  invoices,
  simulatedRefunds,
} from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { feeCents } from '@/lib/money/money';
import { createTestDatabase } from '@/tests/helpers/db';
import { expectLedgerSound, invoicedWeek } from '@/tests/helpers/hourly-fixtures';
import { answerDispute, decideDispute, expireDisputeDeadlines, openDispute } from './disputes';
import { listOpsQueue, listUnresolvedDisputes } from './dispute-queries';
import { releaseDueInvoices } from './review';
import { findParties } from './review-emails';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());
beforeEach(() => {
  // Tuesday of the review week of 2026-11-30 (invoiced Monday 12:00).
  clock = useFakeClock(new Date('2026-12-08T10:00:00Z'));
});
afterEach(() => clock.restore());

const db = () => database.db;
const MONDAY_SHARE = [10_000, 4_167];
const WEDNESDAY = 16_667;

type Week = Awaited<ReturnType<typeof invoicedWeek>>;

async function weekWithDispute(entryIndexes = [1, 2]) {
  clock.set(new Date('2026-12-07T12:00:00Z'));
  const week = await invoicedWeek(db(), { weekStart: '2026-11-30' });
  clock.set(new Date('2026-12-08T10:00:00Z'));
  const opened = await dispute(
    week,
    entryIndexes.map((i) => week.entryIds[i]),
  );
  if (!opened.ok) throw new Error(opened.message);
  return { week, disputeId: opened.disputeId };
}

function dispute(week: Week, entryIds: string[], at?: Date) {
  return openDispute(
    db(),
    {
      workspaceId: week.inviter.workspaceId,
      userId: week.inviter.userId,
      contractId: week.contract.id,
      invoiceId: week.invoice.id,
      entryIds,
      reason: 'These hours were not agreed.',
    },
    at,
  );
}

async function disputeRow(id: string) {
  const [row] = await db().select().from(disputes).where(eq(disputes.id, id));
  return row;
}

async function creditNotesOf(invoiceId: string) {
  return db().select().from(invoices).where(eq(invoices.creditsInvoiceId, invoiceId));
}

const mailTo = (to: string, template: string) =>
  db()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, template)));

const auditOf = async (disputeId: string) =>
  (await db().select().from(auditLog).where(eq(auditLog.targetId, disputeId))).map((a) => a.action);

describe('opening a dispute', () => {
  it('records the chosen entries at their share of the invoice, due in 3 business days', async () => {
    const { week, disputeId } = await weekWithDispute();
    const row = await disputeRow(disputeId);
    expect(row.disputedCents).toBe(MONDAY_SHARE[1] + WEDNESDAY);
    expect(row.status).toBe('awaiting_freelancer');
    // Tuesday 10:00 + 3 business days = Friday 10:00.
    expect(row.answerDueAt.toISOString()).toBe('2026-12-11T10:00:00.000Z');
    const entries = await db()
      .select()
      .from(disputeEntries)
      .where(eq(disputeEntries.disputeId, disputeId));
    expect(entries.map((e) => e.amountCents).sort()).toEqual([16_667, 4_167].sort());
    expect(await mailTo(week.freelancerEmail, 'dispute-opened')).toHaveLength(1);
    expect(await auditOf(disputeId)).toEqual(['dispute.opened']);
    expect(await listUnresolvedDisputes(db(), week.contract.id)).toHaveLength(1);
  });

  it("refuses someone else's invoice, after Friday, a second dispute, and entries not on it", async () => {
    clock.set(new Date('2026-12-07T12:00:00Z'));
    const week = await invoicedWeek(db(), { weekStart: '2026-11-30' });
    const other = await invoicedWeek(db(), { weekStart: '2026-11-30' });
    clock.set(new Date('2026-12-08T10:00:00Z'));
    const stranger = await openDispute(db(), {
      workspaceId: other.inviter.workspaceId,
      userId: other.inviter.userId,
      contractId: week.contract.id,
      invoiceId: week.invoice.id,
      entryIds: [week.entryIds[0]],
      reason: 'Not mine, but let us try.',
    });
    expect(stranger).toMatchObject({ ok: false, reason: 'not-found' });
    const late = await dispute(week, [week.entryIds[0]], new Date('2026-12-12T00:00:00Z'));
    expect(late).toMatchObject({ ok: false, reason: 'closed' });
    const foreignEntry = await dispute(week, [week.entryIds[0], other.entryIds[0]]);
    expect(foreignEntry).toMatchObject({ ok: false, reason: 'entry' });
    expect(
      await db().select().from(disputes).where(eq(disputes.invoiceId, week.invoice.id)),
    ).toEqual([]);
    expect((await dispute(week, [week.entryIds[0]])).ok).toBe(true);
    expect(await dispute(week, [week.entryIds[1]])).toMatchObject({ ok: false, reason: 'exists' });
  });

  it('refuses an invoice the client already approved', async () => {
    clock.set(new Date('2026-12-07T12:00:00Z'));
    const week = await invoicedWeek(db(), { weekStart: '2026-11-30' });
    await db()
      .update(invoices)
      .set({ approvedAt: clock.now() })
      .where(eq(invoices.id, week.invoice.id));
    expect(await dispute(week, [week.entryIds[0]])).toMatchObject({ ok: false, reason: 'closed' });
  });
});

describe('the freelancer answers', () => {
  it('refunds part: ledger refund, credit note, card refund, the rest paid; parts add up', async () => {
    const { week, disputeId } = await weekWithDispute();
    await releaseDueInvoices(db(), new Date('2026-12-12T00:00:00Z'));
    const disputed = MONDAY_SHARE[1] + WEDNESDAY;
    const tooMuch = await answerDispute(db(), {
      freelancerId: week.freelancerId,
      disputeId,
      answer: 'refund_part',
      amount: disputed + 1,
    });
    expect(tooMuch).toMatchObject({ ok: false, reason: 'amount' });
    expect((await disputeRow(disputeId)).status).toBe('awaiting_freelancer');

    clock.set(new Date('2026-12-10T09:00:00Z'));
    const answered = await answerDispute(db(), {
      freelancerId: week.freelancerId,
      disputeId,
      answer: 'refund_part',
      amount: 5_000,
    });
    expect(answered.ok).toBe(true);
    const row = await disputeRow(disputeId);
    expect(row).toMatchObject({
      status: 'resolved',
      resolution: 'refunded_part',
      refundCents: 5_000,
    });
    expect(row.providerRefundRef).toMatch(/^sim_re/);
    const [cardRefund] = await db()
      .select()
      .from(simulatedRefunds)
      .where(eq(simulatedRefunds.idempotencyKey, `dispute:${disputeId}:refund`));
    expect(cardRefund.amountCents).toBe(5_000);
    const [credit] = await creditNotesOf(week.invoice.id);
    expect(credit).toMatchObject({ kind: 'credit_note', grossCents: 5_000, paymentStatus: 'paid' });
    // Everything left review; the freelancer has the invoice's net minus the refund's net.
    expect(await balanceOf(db(), accounts.inReview(week.contract.id))).toBe(0);
    expect(await balanceOf(db(), accounts.pending(week.freelancerId))).toBe(
      week.invoice.netCents - (5_000 - feeCents(5_000, week.invoice.feeBps)),
    );
    expect(
      await mailTo((await findParties(db(), week.contract.id)).clientEmail, 'dispute-refunded'),
    ).toHaveLength(1);
    expect(await auditOf(disputeId)).toEqual(['dispute.opened', 'dispute.refund_offered']);
    await expectLedgerSound(db());
  });

  it('refunds all, before the Saturday release; the release then pays the rest', async () => {
    const { week, disputeId } = await weekWithDispute([0]);
    const answered = await answerDispute(db(), {
      freelancerId: week.freelancerId,
      disputeId,
      answer: 'refund_all',
    });
    expect(answered.ok).toBe(true);
    expect(await disputeRow(disputeId)).toMatchObject({
      resolution: 'refunded_all',
      refundCents: 10_000,
    });
    expect(await balanceOf(db(), accounts.inReview(week.contract.id))).toBe(
      week.invoice.grossCents - 10_000,
    );
    await expectLedgerSound(db());
    await releaseDueInvoices(db(), new Date('2026-12-12T00:00:00Z'));
    expect(await balanceOf(db(), accounts.inReview(week.contract.id))).toBe(0);
    await expectLedgerSound(db());
  });

  it("refuses someone else's dispute and an answer after the deadline", async () => {
    const { week, disputeId } = await weekWithDispute();
    const other = await weekWithDispute();
    const stranger = await answerDispute(db(), {
      freelancerId: other.week.freelancerId,
      disputeId,
      answer: 'refund_all',
    });
    expect(stranger).toMatchObject({ ok: false, reason: 'not-found' });
    expect((await disputeRow(disputeId)).status).toBe('awaiting_freelancer');
    const late = await answerDispute(
      db(),
      { freelancerId: week.freelancerId, disputeId, answer: 'reject', reason: 'I did the work.' },
      new Date('2026-12-11T10:00:00Z'),
    );
    expect(late).toMatchObject({ ok: false, reason: 'late' });
    expect((await disputeRow(disputeId)).status).toBe('awaiting_freelancer');
  });
});

describe('rejections go to ops', () => {
  it('queues the rejected dispute due in 4 business days; ops pays the freelancer', async () => {
    const { week, disputeId } = await weekWithDispute();
    const notAwaiting = await decideDispute(db(), {
      reviewerId: week.inviter.userId,
      disputeId,
      decision: 'pay',
      note: 'Too early.',
    });
    expect(notAwaiting).toMatchObject({ ok: false, reason: 'state' });
    const rejected = await answerDispute(db(), {
      freelancerId: week.freelancerId,
      disputeId,
      answer: 'reject',
      reason: 'The time is tracked with memos.',
    });
    expect(rejected.ok).toBe(true);
    const row = await disputeRow(disputeId);
    expect(row.status).toBe('awaiting_ops');
    expect(row.opsDueAt!.toISOString()).toBe('2026-12-14T10:00:00.000Z');
    expect(
      await mailTo((await findParties(db(), week.contract.id)).clientEmail, 'dispute-rejected'),
    ).toHaveLength(1);
    const queue = await listOpsQueue(db(), new Date('2026-12-15T00:00:00Z'));
    const mine = queue.find((q) => q.id === disputeId)!;
    expect(mine.isOverdue).toBe(true);
    // The dispute stays in the queue past its due date; the deadline sweep leaves it alone.
    await expireDisputeDeadlines(db(), new Date('2026-12-20T00:00:00Z'));
    expect((await disputeRow(disputeId)).status).toBe('awaiting_ops');

    await releaseDueInvoices(db(), new Date('2026-12-12T00:00:00Z'));
    const decided = await decideDispute(db(), {
      reviewerId: week.inviter.userId,
      disputeId,
      decision: 'pay',
      note: 'The tracked time matches the memos.',
    });
    expect(decided.ok).toBe(true);
    expect(await disputeRow(disputeId)).toMatchObject({ resolution: 'paid', refundCents: 0 });
    expect(await creditNotesOf(week.invoice.id)).toEqual([]);
    expect(await balanceOf(db(), accounts.inReview(week.contract.id))).toBe(0);
    expect(await balanceOf(db(), accounts.pending(week.freelancerId))).toBe(week.invoice.netCents);
    const again = await decideDispute(db(), {
      reviewerId: week.inviter.userId,
      disputeId,
      decision: 'refund_all',
      note: 'Changed my mind.',
    });
    expect(again).toMatchObject({ ok: false, reason: 'state' });
    expect(await mailTo(week.freelancerEmail, 'dispute-decided')).toHaveLength(1);
    await expectLedgerSound(db());
  });

  it('refuses an ops refund larger than disputed', async () => {
    const { week, disputeId } = await weekWithDispute([0]);
    await answerDispute(db(), {
      freelancerId: week.freelancerId,
      disputeId,
      answer: 'reject',
      reason: 'No.',
    });
    const tooMuch = await decideDispute(db(), {
      reviewerId: week.inviter.userId,
      disputeId,
      decision: 'refund_part',
      amount: 10_001,
      note: 'Half each.',
    });
    expect(tooMuch).toMatchObject({ ok: false, reason: 'amount' });
    expect(
      (
        await decideDispute(db(), {
          reviewerId: week.inviter.userId,
          disputeId,
          decision: 'refund_part',
          amount: 3_333,
          note: 'A third back.',
        })
      ).ok,
    ).toBe(true);
    expect(await disputeRow(disputeId)).toMatchObject({
      resolution: 'refunded_part',
      refundCents: 3_333,
    });
    await expectLedgerSound(db());
  });
});

describe('no answer (expireDisputeDeadlines)', () => {
  it('refunds the disputed amount once the deadline passes, once', async () => {
    const { week, disputeId } = await weekWithDispute();
    expect(await expireDisputeDeadlines(db(), new Date('2026-12-11T09:59:59Z'))).toBe(0);
    expect((await disputeRow(disputeId)).status).toBe('awaiting_freelancer');
    await expireDisputeDeadlines(db(), new Date('2026-12-11T10:00:00Z'));
    await expireDisputeDeadlines(db(), new Date('2026-12-11T10:01:00Z'));
    const row = await disputeRow(disputeId);
    expect(row).toMatchObject({ status: 'resolved', resolution: 'refunded_no_answer' });
    expect(row.refundCents).toBe(row.disputedCents);
    expect(row.providerRefundRef).toMatch(/^sim_re/);
    expect(await creditNotesOf(week.invoice.id)).toHaveLength(1);
    expect(await mailTo(week.freelancerEmail, 'dispute-expired')).toHaveLength(1);
    expect(await auditOf(disputeId)).toEqual(['dispute.opened', 'dispute.expired']);
    await releaseDueInvoices(db(), new Date('2026-12-12T00:00:00Z'));
    expect(await balanceOf(db(), accounts.inReview(week.contract.id))).toBe(0);
    expect(await listUnresolvedDisputes(db(), week.contract.id)).toEqual([]);
    await expectLedgerSound(db());
  });
});
