import { and, eq } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/client';
import { ledgerTransactions } from '@/db/schema';
import { useFakeClock } from '@/lib/clock';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  fundedMilestone,
  moneyOf,
  stateOf,
  type FundedMilestone,
} from '@/tests/helpers/milestone-work-fixtures';
import { requestMilestoneRefund } from './refunds';
import { approveMilestone, autoApproveDueMilestones } from './review';
import { submitMilestone } from './submission';

/*
 * Races on one milestone: on the Postgres server (TEST_DATABASE_URL) through a pool, so the
 * two requests really run side by side; on PGlite they interleave one transaction at a time.
 * Either way exactly one wins, the other gets a clear refusal, and the money moves once.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2027-03-01T10:00:00Z');
const ROUNDS = 4;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Database | null = null;
let clock: ReturnType<typeof useFakeClock>;
const db = () => pool?.db ?? database.db;

beforeAll(async () => {
  database = await createTestDatabase();
  if (serverUrl) pool = await openDatabase({ url: database.url!, max: 8 });
});
afterAll(async () => {
  await pool?.close();
  await database.dispose();
});
beforeEach(() => {
  clock = useFakeClock(START);
});
afterEach(() => clock.restore());

const ref = (m: FundedMilestone) => ({ contractId: m.contractId, milestoneId: m.milestoneId });

async function releasesOf(milestoneId: string) {
  return db()
    .select()
    .from(ledgerTransactions)
    .where(
      and(
        eq(ledgerTransactions.sourceType, 'milestone'),
        eq(ledgerTransactions.sourceId, milestoneId),
        eq(ledgerTransactions.kind, 'release'),
      ),
    );
}

async function submitted(): Promise<FundedMilestone> {
  const m = await fundedMilestone(db(), createSimulatedProvider(db()));
  const done = await submitMilestone(db(), {
    ...ref(m),
    viewer: m.freelancerViewer,
    message: 'Done',
    links: [],
    files: [],
  });
  if (!done.ok) throw new Error(done.message);
  return m;
}

describe(`milestone races (${serverUrl ? 'Postgres server' : 'PGlite'})`, () => {
  it('a client approval racing the automatic approval releases once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      clock.set(START);
      const m = await submitted();
      const before = await moneyOf(db(), m);
      const due = new Date(START.getTime() + 14 * DAY);
      clock.set(due);
      const [approved, auto] = await Promise.all([
        approveMilestone(db(), { ...ref(m), viewer: m.clientViewer }),
        autoApproveDueMilestones(db(), due),
      ]);
      const wins = (approved.ok ? 1 : 0) + auto;
      expect(wins).toBe(1);
      if (!approved.ok) expect(approved.reason).toBe('already-released');
      expect(await releasesOf(m.milestoneId)).toHaveLength(1);
      const after = await moneyOf(db(), m);
      expect(after.pending - before.pending).toBe(m.grossCents - m.feeCents);
      expect(after.escrow).toBe(before.escrow - m.grossCents);
      expect(after.problems).toEqual([]);
    }
  });

  it('two approvals at once: one release, the other told it was already released', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const m = await submitted();
      const results = await Promise.all([
        approveMilestone(db(), { ...ref(m), viewer: m.clientViewer }),
        approveMilestone(db(), { ...ref(m), viewer: m.clientViewer }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ reason: 'already-released' });
      expect(await releasesOf(m.milestoneId)).toHaveLength(1);
      expect((await moneyOf(db(), m)).problems).toEqual([]);
    }
  });

  it('a refund request racing a submission: one wins, the other is told why', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const m = await fundedMilestone(db(), createSimulatedProvider(db()));
      const [refund, submission] = await Promise.all([
        requestMilestoneRefund(db(), {
          ...ref(m),
          viewer: m.clientViewer,
          message: 'Back, please',
        }),
        submitMilestone(db(), {
          ...ref(m),
          viewer: m.freelancerViewer,
          message: 'Done',
          links: [],
          files: [],
        }),
      ]);
      expect([refund.ok, submission.ok].filter(Boolean)).toHaveLength(1);
      const state = await stateOf(db(), m.milestoneId);
      if (refund.ok) {
        expect(state.status).toBe('refund_requested');
        expect(submission).toMatchObject({ ok: false, reason: 'refund-requested' });
      } else {
        expect(state.status).toBe('submitted');
        expect(refund).toMatchObject({ ok: false, reason: 'submitted' });
      }
      expect((await moneyOf(db(), m)).problems).toEqual([]);
    }
  });
});
