import { now } from '@/lib/clock';
import type { JobDefinition } from '@/lib/jobs/definition';
import { runBillingTick } from './index';

export const BILLING_TICK_QUEUE = 'billing-tick';

/** Every five minutes (cron, UTC): Monday 12:00's invoices go out by 12:05. */
export const BILLING_TICK_SCHEDULE = '*/5 * * * *';

/**
 * The billing tick on a schedule, with the clock's time (the development clock's, when it
 * runs ahead). One run at a time per queue (singleton); a tick that overlaps another from a
 * second deployment is safe anyway.
 */
export function tickJobs(): JobDefinition {
  return {
    queues: [{ name: BILLING_TICK_QUEUE, options: { policy: 'singleton' } }],
    async work(boss, database) {
      await boss.work(
        BILLING_TICK_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 30 },
        async () => {
          await runBillingTick(database.db, now());
        },
      );
      await boss.schedule(BILLING_TICK_QUEUE, BILLING_TICK_SCHEDULE);
    },
  };
}
