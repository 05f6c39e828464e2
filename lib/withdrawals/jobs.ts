import type { JobDefinition } from '@/lib/jobs/definition';
import { PAYEE_SYNC_QUEUE, type PayeeSyncJob } from '@/lib/payments/payee-sync-queue';
import { selectPayoutProvider } from '@/lib/payments/select';
import { syncPayeeDetails } from './payee-sync';
import { reconcileStaleWithdrawals, settleDueWithdrawals } from './settle';

export const WITHDRAWAL_SETTLEMENT_QUEUE = 'withdrawal-settlement';
export const WITHDRAWAL_RECONCILIATION_QUEUE = 'withdrawal-reconciliation';

/** Sends and follows payouts every minute; reconciles day-old ones at minute 17 of each hour. */
export const WITHDRAWAL_SETTLEMENT_SCHEDULE = '* * * * *';
export const WITHDRAWAL_RECONCILIATION_SCHEDULE = '17 * * * *';

/**
 * Both steps: one run at a time each (singleton); and the payee sync (payee-sync.ts), one
 * waiting and one running job per freelancer (stately, keyed by them: a save while a sync
 * runs still gets its own), retried with backoff while the provider does not answer.
 */
export function withdrawalJobs(): JobDefinition {
  return {
    queues: [
      { name: WITHDRAWAL_SETTLEMENT_QUEUE, options: { policy: 'singleton' } },
      { name: WITHDRAWAL_RECONCILIATION_QUEUE, options: { policy: 'singleton' } },
      {
        name: PAYEE_SYNC_QUEUE,
        options: { policy: 'stately', retryLimit: 6, retryDelay: 60, retryBackoff: true },
      },
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
      await boss.work<PayeeSyncJob>(
        PAYEE_SYNC_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 10 },
        async ([job]) => {
          const outcomes = await syncPayeeDetails(database.db, provider(), job.data.userId);
          // A refusal names only the field (the provider's message never reaches it).
          for (const o of outcomes) {
            if (o.outcome === 'refused') console.warn(`[payee-sync] ${o.payeeRef}: ${o.reason}`);
          }
        },
      );
      await boss.schedule(WITHDRAWAL_SETTLEMENT_QUEUE, WITHDRAWAL_SETTLEMENT_SCHEDULE);
      await boss.schedule(WITHDRAWAL_RECONCILIATION_QUEUE, WITHDRAWAL_RECONCILIATION_SCHEDULE);
    },
  };
}
