import { and, eq, inArray } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/client';
import { disputes, ledgerTransactions } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { feeCents } from '@/lib/money/money';
import { createTestDatabase } from '@/tests/helpers/db';
import { expectLedgerSound, invoicedWeek } from '@/tests/helpers/hourly-fixtures';
import { answerDispute, expireDisputeDeadlines, openDispute } from './disputes';
import { approveInvoice, releaseDueInvoices } from './review';

/*
 * Races of the review week: the client's approval (or dispute) against the Saturday
 * release, two release workers, two approvals, two deadline sweeps. On the Postgres server
 * (TEST_DATABASE_URL) they run on a pool of connections, truly at once; on PGlite they
 * queue up, and the outcome must be the same.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Database;
let clock: FakeClock;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = database.url ? await openDatabase({ url: database.url, max: 12 }) : database;
});
afterAll(async () => {
  if (pool !== database) await pool.close();
  await database.dispose();
});
beforeEach(() => {
  clock = useFakeClock(new Date('2026-12-07T12:00:00Z'));
});
afterEach(() => clock.restore());

const FRIDAY_LAST_MOMENT = new Date('2026-12-11T23:59:59.999Z');
const SATURDAY = new Date('2026-12-12T00:00:00Z');

async function releasePostings(sourceIds: string[], type = 'hourly_invoice') {
  return pool.db
    .select()
    .from(ledgerTransactions)
    .where(
      and(
        eq(ledgerTransactions.sourceType, type),
        inArray(ledgerTransactions.sourceId, sourceIds),
        eq(ledgerTransactions.kind, 'release'),
      ),
    );
}

const approvalOf = (week: Awaited<ReturnType<typeof invoicedWeek>>) => ({
  workspaceId: week.inviter.workspaceId,
  userId: week.inviter.userId,
  contractId: week.contract.id,
  invoiceId: week.invoice.id,
});

it('an approval racing the Saturday release releases each week once', async () => {
  const weeks = [];
  for (let i = 0; i < 4; i++)
    weeks.push(await invoicedWeek(database.db, { weekStart: '2026-11-30' }));
  const outcomes = await Promise.all([
    ...weeks.map((week) => approveInvoice(pool.db, approvalOf(week), FRIDAY_LAST_MOMENT)),
    releaseDueInvoices(pool.db, SATURDAY),
    releaseDueInvoices(pool.db, SATURDAY),
  ]);
  // Whoever came first released it; an approval that came second found the review over.
  for (const outcome of outcomes.slice(0, weeks.length)) {
    const result = outcome as Awaited<ReturnType<typeof approveInvoice>>;
    if (!result.ok) expect(result.reason).toBe('closed');
  }
  expect(await releasePostings(weeks.map((w) => w.invoice.id))).toHaveLength(weeks.length);
  for (const week of weeks) {
    expect(await balanceOf(pool.db, accounts.inReview(week.contract.id))).toBe(0);
    expect(await balanceOf(pool.db, accounts.pending(week.freelancerId))).toBe(
      week.invoice.netCents,
    );
  }
  await expectLedgerSound(pool.db);
});

it('two approvals at once: one is taken, the other refused, one release', async () => {
  const week = await invoicedWeek(database.db, { weekStart: '2026-11-30' });
  const results = await Promise.all([
    approveInvoice(pool.db, approvalOf(week)),
    approveInvoice(pool.db, approvalOf(week)),
    approveInvoice(pool.db, approvalOf(week)),
  ]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(await releasePostings([week.invoice.id])).toHaveLength(1);
  expect(await balanceOf(pool.db, accounts.pending(week.freelancerId))).toBe(week.invoice.netCents);
  await expectLedgerSound(pool.db);
});

it('a dispute at the last moment racing the release: in review holds exactly the disputed amount', async () => {
  const week = await invoicedWeek(database.db, { weekStart: '2026-11-30' });
  const [opened] = await Promise.all([
    openDispute(
      pool.db,
      { ...approvalOf(week), entryIds: [week.entryIds[2]], reason: 'Not agreed.' },
      FRIDAY_LAST_MOMENT,
    ),
    releaseDueInvoices(pool.db, SATURDAY),
  ]);
  // A week the dispute held locked was skipped by that tick: the next one releases it.
  await releaseDueInvoices(pool.db, SATURDAY);
  const inReview = await balanceOf(pool.db, accounts.inReview(week.contract.id));
  if (opened.ok) {
    // The dispute was in before the release locked the week: its amount stayed behind.
    const [row] = await pool.db.select().from(disputes).where(eq(disputes.id, opened.disputeId));
    expect(inReview).toBe(row.disputedCents);
    expect(await balanceOf(pool.db, accounts.pending(week.freelancerId))).toBe(
      week.invoice.netCents -
        (row.disputedCents - feeCents(row.disputedCents, week.invoice.feeBps)),
    );
  } else {
    expect(opened.reason).toBe('closed');
    expect(inReview).toBe(0);
  }
  await expectLedgerSound(pool.db);
});

it('two deadline sweeps and a late answer at once refund an unanswered dispute once', async () => {
  const week = await invoicedWeek(database.db, { weekStart: '2026-11-30' });
  clock.set(new Date('2026-12-08T10:00:00Z'));
  const opened = await openDispute(pool.db, {
    ...approvalOf(week),
    entryIds: [week.entryIds[0]],
    reason: 'Not agreed.',
  });
  if (!opened.ok) throw new Error(opened.message);
  const due = new Date('2026-12-11T10:00:00Z');
  const [a, b, answer] = await Promise.all([
    expireDisputeDeadlines(pool.db, due),
    expireDisputeDeadlines(pool.db, due),
    answerDispute(
      pool.db,
      { freelancerId: week.freelancerId, disputeId: opened.disputeId, answer: 'refund_all' },
      due,
    ),
  ]);
  expect(answer.ok).toBe(false);
  // A sweep skips the row while the refused answer holds it (SKIP LOCKED); the next tick's
  // sweep takes it then. Refunded once either way.
  const c = await expireDisputeDeadlines(pool.db, due);
  expect(a + b + c).toBe(1);
  const refunds = await pool.db
    .select()
    .from(ledgerTransactions)
    .where(
      and(eq(ledgerTransactions.sourceId, opened.disputeId), eq(ledgerTransactions.kind, 'refund')),
    );
  expect(refunds).toHaveLength(1);
  await releaseDueInvoices(pool.db, SATURDAY);
  expect(await balanceOf(pool.db, accounts.inReview(week.contract.id))).toBe(0);
  await expectLedgerSound(pool.db);
});
