import { and, eq } from 'drizzle-orm';
import { auditLog, emailOutbox, invoices, pendingReleases } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { feeCents } from '@/lib/money/money';
import { createTestDatabase } from '@/tests/helpers/db';
import { expectLedgerSound, invoicedWeek } from '@/tests/helpers/hourly-fixtures';
import { openDispute } from './disputes';
import { approveInvoice, releaseDueInvoices } from './review';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());
beforeEach(() => {
  // Monday 12:00 UTC after the week of 2026-11-30: the week is invoiced and charged.
  clock = useFakeClock(new Date('2026-12-07T12:00:00Z'));
});
afterEach(() => clock.restore());

const db = () => database.db;
const HOUR = 3_600_000;

async function invoiceRow(id: string) {
  const [row] = await db().select().from(invoices).where(eq(invoices.id, id));
  return row;
}

async function releasesOf(invoiceId: string) {
  return db()
    .select()
    .from(pendingReleases)
    .where(
      and(
        eq(pendingReleases.sourceType, 'hourly_invoice'),
        eq(pendingReleases.sourceId, invoiceId),
      ),
    );
}

describe('the week fixture', () => {
  it('shares each day line among its entries to the cent', async () => {
    const week = await invoicedWeek(db(), { weekStart: '2026-11-30' });
    expect(week.invoice.paymentStatus).toBe('paid');
    // $50/h: Monday 170 min = $141.67, Wednesday 200 min = $166.67.
    expect(week.invoice.grossCents).toBe(14_167 + 16_667);
    expect(await balanceOf(db(), accounts.inReview(week.contract.id))).toBe(
      week.invoice.grossCents,
    );
  });
});

describe('approving early', () => {
  it('releases the whole week at once, available 5 days later, and emails the freelancer', async () => {
    const week = await invoicedWeek(db(), { weekStart: '2026-11-30' });
    clock.advance(24 * HOUR); // Tuesday
    const approved = await approveInvoice(db(), {
      workspaceId: week.inviter.workspaceId,
      userId: week.inviter.userId,
      contractId: week.contract.id,
      invoiceId: week.invoice.id,
    });
    expect(approved).toEqual({ ok: true });
    expect(await balanceOf(db(), accounts.inReview(week.contract.id))).toBe(0);
    expect(await balanceOf(db(), accounts.pending(week.freelancerId))).toBe(week.invoice.netCents);
    const [release] = await releasesOf(week.invoice.id);
    expect(release.availableAt.toISOString()).toBe('2026-12-13T12:00:00.000Z');
    expect((await invoiceRow(week.invoice.id)).releasedAt).not.toBeNull();
    const mail = await db()
      .select()
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.toAddress, week.freelancerEmail),
          eq(emailOutbox.template, 'hourly-approved'),
        ),
      );
    expect(mail).toHaveLength(1);
    const audit = await db().select().from(auditLog).where(eq(auditLog.targetId, week.invoice.id));
    expect(audit.map((a) => a.action)).toContain('invoice.approved');
    await expectLedgerSound(db());
  });

  it('refuses a second approval, and the Saturday release then finds nothing to do', async () => {
    const week = await invoicedWeek(db(), { weekStart: '2026-11-30' });
    const input = {
      workspaceId: week.inviter.workspaceId,
      userId: week.inviter.userId,
      contractId: week.contract.id,
      invoiceId: week.invoice.id,
    };
    expect((await approveInvoice(db(), input)).ok).toBe(true);
    const again = await approveInvoice(db(), input);
    expect(again).toMatchObject({ ok: false, message: 'You already approved this week.' });
    await releaseDueInvoices(db(), new Date('2026-12-12T00:00:00Z'));
    expect(await releasesOf(week.invoice.id)).toHaveLength(1);
    expect(await balanceOf(db(), accounts.pending(week.freelancerId))).toBe(week.invoice.netCents);
    await expectLedgerSound(db());
  });

  it("refuses another workspace's invoice and an approval after Friday, changing nothing", async () => {
    const week = await invoicedWeek(db(), { weekStart: '2026-11-30' });
    const other = await invoicedWeek(db(), { weekStart: '2026-11-30' });
    const stranger = await approveInvoice(db(), {
      workspaceId: other.inviter.workspaceId,
      userId: other.inviter.userId,
      contractId: week.contract.id,
      invoiceId: week.invoice.id,
    });
    expect(stranger).toMatchObject({ ok: false, reason: 'not-found' });
    // Its own invoice id under the other contract is just as unknown.
    const mixed = await approveInvoice(db(), {
      workspaceId: other.inviter.workspaceId,
      userId: other.inviter.userId,
      contractId: week.contract.id,
      invoiceId: other.invoice.id,
    });
    expect(mixed).toMatchObject({ ok: false, reason: 'not-found' });
    const late = await approveInvoice(
      db(),
      {
        workspaceId: week.inviter.workspaceId,
        userId: week.inviter.userId,
        contractId: week.contract.id,
        invoiceId: week.invoice.id,
      },
      new Date('2026-12-12T00:00:00Z'),
    );
    expect(late).toMatchObject({ ok: false, reason: 'closed' });
    expect((await invoiceRow(week.invoice.id)).approvedAt).toBeNull();
    expect(await releasesOf(week.invoice.id)).toHaveLength(0);
    expect(await balanceOf(db(), accounts.inReview(week.contract.id))).toBe(
      week.invoice.grossCents,
    );
  });
});

describe('the Saturday release (releaseDueInvoices)', () => {
  it('releases at Saturday 00:00, not before, once, available the Wednesday after', async () => {
    const week = await invoicedWeek(db(), { weekStart: '2026-11-30' });
    await releaseDueInvoices(db(), new Date('2026-12-11T23:59:59Z'));
    expect(await releasesOf(week.invoice.id)).toHaveLength(0);
    await releaseDueInvoices(db(), new Date('2026-12-12T00:00:00Z'));
    await releaseDueInvoices(db(), new Date('2026-12-12T00:05:00Z'));
    const released = await releasesOf(week.invoice.id);
    expect(released).toHaveLength(1);
    expect(released[0].availableAt.toISOString()).toBe('2026-12-16T00:00:00.000Z');
    expect(await balanceOf(db(), accounts.pending(week.freelancerId))).toBe(week.invoice.netCents);
    expect(await balanceOf(db(), accounts.inReview(week.contract.id))).toBe(0);
    await expectLedgerSound(db());
  });

  it('waits for an unpaid invoice until it is paid', async () => {
    const week = await invoicedWeek(db(), { weekStart: '2026-11-30', pay: false });
    expect(week.invoice.paymentStatus).toBe('awaiting_payment');
    await releaseDueInvoices(db(), new Date('2026-12-12T00:00:00Z'));
    expect(await releasesOf(week.invoice.id)).toHaveLength(0);
    expect((await invoiceRow(week.invoice.id)).releasedAt).toBeNull();
    await db()
      .update(invoices)
      .set({ paymentStatus: 'payment_failed' })
      .where(eq(invoices.id, week.invoice.id));
    await releaseDueInvoices(db(), new Date('2026-12-13T00:00:00Z'));
    expect(await releasesOf(week.invoice.id)).toHaveLength(0);
  });

  it('releases only the undisputed part of a disputed week', async () => {
    const week = await invoicedWeek(db(), { weekStart: '2026-11-30' });
    const opened = await openDispute(db(), {
      workspaceId: week.inviter.workspaceId,
      userId: week.inviter.userId,
      contractId: week.contract.id,
      invoiceId: week.invoice.id,
      entryIds: [week.entryIds[1]],
      reason: 'The call was 20 minutes.',
    });
    expect(opened.ok).toBe(true);
    await releaseDueInvoices(db(), new Date('2026-12-12T00:00:00Z'));
    // Monday's $141.67 shared 120:50 → $100.00 and $41.67; the second entry is disputed.
    const disputed = 4_167;
    const fee = week.invoice.feeCents - feeCents(disputed, week.invoice.feeBps);
    expect(await balanceOf(db(), accounts.inReview(week.contract.id))).toBe(disputed);
    expect(await balanceOf(db(), accounts.pending(week.freelancerId))).toBe(
      week.invoice.grossCents - disputed - fee,
    );
    await expectLedgerSound(db());
  });
});
