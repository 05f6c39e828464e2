import { useFakeClock } from '@/lib/clock';
import { formatLongDate } from '@/lib/dates/format';
import { accounts } from '@/lib/ledger/accounts';
import {
  describeTimelineRow,
  listEarningsTimeline,
  timelineHref,
} from '@/lib/ledger/earnings-timeline';
import { postTransaction } from '@/lib/ledger/post';
import { balanceOf } from '@/lib/ledger/queries';
import { makeFreelancer } from '@/lib/test-hooks/factories';
import { freelancerRequestSchema } from '@/lib/test-hooks/schemas';
import { createTestDatabase } from '@/tests/helpers/db';
import { loadEarningsBuckets, loadEarningsFigures } from './queries';
import { releaseToFreelancer } from './release';

/*
 * The balance page's budget (issue 17): at most 4 SQL statements for a freelancer with five
 * years of weekly invoices. The page runs exactly these three reads besides the session.
 */

const statements: string[] = [];
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase({ onQuery: (text) => statements.push(text) });
});
afterAll(() => database.dispose());

const WEEKS = 5 * 52;
const WEEK_MS = 7 * 24 * 3600 * 1000;
const START = new Date('2022-01-03T12:00:00Z'); // a Monday

describe('the /earnings reads over five years of weekly invoices', () => {
  it('take three statements, bucket exactly the released net, and describe rows in the freelancer’s zone', async () => {
    const clock = useFakeClock(START);
    try {
      const made = await makeFreelancer(
        database.db,
        freelancerRequestSchema.parse({ kind: 'freelancer', step: 'contract' }),
      );
      if (!made.userId || !made.contractId) throw new Error('the factory made no contract');
      const { userId, contractId } = made;
      for (let year = 0; year < 5; year++) {
        await database.db.transaction(async (tx) => {
          for (let w = 0; w < 52; w++) {
            const week = year * 52 + w;
            clock.set(new Date(START.getTime() + week * WEEK_MS));
            const id = `bench-${week}`;
            const cents = 10_000 + week;
            await postTransaction(tx, {
              key: `charge:${id}`,
              source: { type: 'hourly_invoice', id },
              kind: 'charge',
              memo: `Week ${week} charged`,
              entries: [
                { account: accounts.clientFunding(), cents: -cents, currency: 'USD' },
                { account: accounts.inReview(contractId), cents, currency: 'USD' },
              ],
            });
            // A minute later: same-moment rows order by transaction id, which is stable, not meaningful.
            clock.set(new Date(START.getTime() + week * WEEK_MS + 60_000));
            await releaseToFreelancer(tx, {
              key: `release:${id}`,
              source: { type: 'hourly_invoice', id },
              contractId,
              freelancerId: userId,
              from: accounts.inReview(contractId),
              grossCents: cents,
              feeCents: 1_000,
              currency: 'USD',
              availableAt: new Date(START.getTime() + week * WEEK_MS + 2 * 24 * 3600 * 1000),
            });
          }
        });
      }

      statements.length = 0;
      const zone = 'Pacific/Auckland';
      const [figures, buckets, timeline] = await Promise.all([
        loadEarningsFigures(database.db, userId),
        loadEarningsBuckets(database.db, userId, zone),
        listEarningsTimeline(database.db, userId),
      ]);
      expect(statements).toHaveLength(3);

      const releasedNet = Array.from({ length: WEEKS }, (_, i) => 10_000 + i - 1_000).reduce(
        (a, b) => a + b,
        0,
      );
      const sum = (period: 'week' | 'month') =>
        buckets.filter((b) => b.period === period).reduce((a, b) => a + b.netCents, 0);
      expect(sum('week')).toBe(releasedNet);
      expect(sum('month')).toBe(releasedNet);
      expect(buckets.filter((b) => b.period === 'week')).toHaveLength(WEEKS);
      expect(figures.pendingCents).toBe(releasedNet);
      expect(figures.pendingCents).toBe(await balanceOf(database.db, accounts.pending(userId)));
      expect(figures.pending).toHaveLength(WEEKS);

      const newest = timeline.rows[0];
      expect(newest.kind).toBe('release');
      expect(newest.availableAt?.toISOString()).toBe('2026-12-23T12:00:00.000Z');
      // 12:00 UTC on December 23 is already December 24 in Auckland (UTC+13).
      expect(describeTimelineRow(newest, (at) => formatLongDate(at, zone))).toBe(
        `Released: net $92.59 to pending (fee $10.00), available on ${formatLongDate(new Date('2026-12-24T01:00:00Z'), 'UTC')}`,
      );
      expect(timelineHref(newest)).toBe(`/invoices/bench-${WEEKS - 1}`);
      expect(timeline.rows[1]).toMatchObject({ kind: 'charge', contractCents: 10_000 + WEEKS - 1 });
    } finally {
      clock.restore();
    }
  }, 120_000);
});
