import type { JobDefinition } from '@/lib/jobs/definition';
import { selectPayoutProvider } from '@/lib/payments/select';
import { reconcileStaleWithdrawals, settleDueWithdrawals } from './settle';

export const WITHDRAWAL_SETTLEMENT_QUEUE = 'withdrawal-settlement';
export const WITHDRAWAL_RECONCILIATION_QUEUE = 'withdrawal-reconciliation';

/** Sends and follows payouts every minute; reconciles day-old ones at minute 17 of each hour. */
export const WITHDRAWAL_SETTLEMENT_SCHEDULE = '* * * * *';
export const WITHDRAWAL_RECONCILIATION_SCHEDULE = '17 * * * *';

/** Both steps: one run at a time each (singleton). */
export function withdrawalJobs(): JobDefinition {
  return {
    queues: [
      { name: WITHDRAWAL_SETTLEMENT_QUEUE, options: { policy: 'singleton' } },
      { name: WITHDRAWAL_RECONCILIATION_QUEUE, options: { policy: 'singleton' } },
    ],
    async work(boss, database) {
      const provider = () => selectPayoutProvider(database.db);
      await boss.work(
        WITHDRAWAL_SETTLEMENT_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 30 },
        async () => {
          await settleDueWithdrawals(database.db, provider());
        },
      );
      await boss.work(
        WITHDRAWAL_RECONCILIATION_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 60 },
        async () => {
          await reconcileStaleWithdrawals(database.db, provider());
        },
      );
      await boss.schedule(WITHDRAWAL_SETTLEMENT_QUEUE, WITHDRAWAL_SETTLEMENT_SCHEDULE);
      await boss.schedule(WITHDRAWAL_RECONCILIATION_QUEUE, WITHDRAWAL_RECONCILIATION_SCHEDULE);
    },
  };
}
