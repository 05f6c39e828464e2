import { executorFor, type DbOrTx } from '@/db/client';
import { jobSender } from '@/lib/jobs/boss';

/**
 * The queue on which a payee's details are sent again to the providers that opened a payee
 * for them (Stripe Connect: `accounts.update` of their connected account, with only what the
 * account lists as due). Here, below the domains that change those details (tax
 * information, basic info) and the one that works the queue (lib/withdrawals/jobs.ts), so
 * each can enqueue in its own transaction without knowing the others.
 */
export const PAYEE_SYNC_QUEUE = 'payee-sync';

export type PayeeSyncJob = { userId: string };

/**
 * Enqueues a sync of this user's payees inside the caller's transaction: nothing runs
 * unless the change commits. One waiting job per user (the queue is `stately`, keyed by the
 * user), so several saves in a row are one sync, which reads the details when it runs.
 */
export async function enqueuePayeeSync(tx: DbOrTx, userId: string): Promise<void> {
  const data: PayeeSyncJob = { userId };
  await jobSender().insert([{ name: PAYEE_SYNC_QUEUE, data, singletonKey: userId }], {
    db: executorFor(tx),
  });
}
