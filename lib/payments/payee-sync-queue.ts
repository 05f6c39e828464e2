import { and, eq, isNull } from 'drizzle-orm';
import { executorFor, type DbOrTx } from '@/db/client';
import { payoutDestinations } from '@/db/schema';
import { jobSender } from '@/lib/jobs/boss';

/**
 * The queue on which a payee's details are sent again to the providers that opened a payee
 * for them (Stripe Connect: `accounts.update` of their connected account, with only what the
 * account lists as due). Here, below the domains that change those details (tax
 * information, basic info, the profile) and the one that works the queue (lib/withdrawals/jobs.ts), so
 * each can enqueue in its own transaction without knowing the others.
 */
export const PAYEE_SYNC_QUEUE = 'payee-sync';

export type PayeeSyncJob = { userId: string };

/**
 * Enqueues a sync of this user's payees inside the caller's transaction: nothing runs
 * unless the change commits. One waiting job per user (the queue is `stately`, keyed by the
 * user), so several saves in a row are one sync, which reads the details when it runs.
 * A user with no live payee (most: only a US bank withdrawal through Stripe opens one) gets
 * no job: one read instead of a job's insert, fetch and completion. A payee opened while
 * this save commits was opened with what was held then; its first `account.updated` lists
 * what it still needs and enqueues the sync itself (lib/withdrawals/webhooks.ts).
 */
export async function enqueuePayeeSync(tx: DbOrTx, userId: string): Promise<void> {
  const livePayees = await tx.$count(
    payoutDestinations,
    and(eq(payoutDestinations.freelancerId, userId), isNull(payoutDestinations.payeeClosedAt)),
  );
  if (livePayees === 0) return;
  const data: PayeeSyncJob = { userId };
  await jobSender().insert([{ name: PAYEE_SYNC_QUEUE, data, singletonKey: userId }], {
    db: executorFor(tx),
  });
}
