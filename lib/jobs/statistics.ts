import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { JobDefinition } from './definition';

export const STATISTICS_QUEUE = 'planner-statistics';

/** Every hour, at a minute the billing tick's five-minute steps do not share. */
export const STATISTICS_SCHEDULE = '17 * * * *';

/**
 * The planner's statistics on PGlite. A Postgres server's autovacuum gathers them after a
 * table changes enough; PGlite runs no background processes, so without this it never has
 * any and plans every query from default guesses: the balance page's chart took 7.5 ms
 * instead of 0.8 ms on a freshly written ledger (a nested loop over every pair of rows where
 * a hash join fits). ANALYZE samples at most 30,000 rows a table, and PGlite serves one
 * statement at a time, so it runs hourly, not after every write. On the server it does
 * nothing.
 */
export async function refreshPlannerStatistics(
  database: Database,
): Promise<'analyzed' | 'skipped'> {
  if (database.kind !== 'pglite') return 'skipped';
  await database.db.execute(sql`analyze`);
  return 'analyzed';
}

/** The hourly refresh, and one soon after the worker starts (the demo data is fresh then). */
export function statisticsJobs(): JobDefinition {
  return {
    queues: [{ name: STATISTICS_QUEUE, options: { policy: 'singleton' } }],
    async work(boss, database) {
      await boss.work(STATISTICS_QUEUE, { batchSize: 1, pollingIntervalSeconds: 30 }, async () => {
        await refreshPlannerStatistics(database);
      });
      await boss.schedule(STATISTICS_QUEUE, STATISTICS_SCHEDULE);
      await boss.send(STATISTICS_QUEUE, {});
    },
  };
}
