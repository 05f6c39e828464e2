import type { JobDefinition } from '@/lib/jobs/definition';
import { selectPaymentProvider } from '@/lib/payments/select';
import { settleDueCharges, type ChargeHookTable } from './charges';

export const PAYMENT_SETTLEMENT_QUEUE = 'payment-settlement';

/** Every minute (cron, UTC): processing charges are asked about soon after they are made. */
export const SETTLEMENT_SCHEDULE = '* * * * *';

/** The settlement tick: one run at a time (singleton), every minute. */
export function billingJobs(options: { hooks: ChargeHookTable }): JobDefinition {
  return {
    queues: [{ name: PAYMENT_SETTLEMENT_QUEUE, options: { policy: 'singleton' } }],
    async work(boss, database) {
      await boss.work(
        PAYMENT_SETTLEMENT_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 30 },
        async () => {
          await settleDueCharges(database.db, selectPaymentProvider(database.db), options.hooks);
        },
      );
      await boss.schedule(PAYMENT_SETTLEMENT_QUEUE, SETTLEMENT_SCHEDULE);
    },
  };
}
