import type { Env } from '@/lib/env';

export const EMAIL_QUEUES = {
  /** The transactional lane: one job per message (sign-in links, notices, confirmations). */
  deliver: 'email-deliver',
  /** The bulk lane: one job per batch of invitations, sent with one provider request. */
  deliverBulk: 'email-deliver-bulk',
  /** Both lanes' dead-letter queue: pg-boss copies a delivery job here when it gives up. */
  undelivered: 'email-undelivered',
} as const;

/** The most messages in one bulk job: Resend's batch endpoint takes up to 100. */
export const EMAIL_BATCH_SIZE = 100;

/**
 * Retry policy of both delivery queues: attempts, exponential backoff, a lease per try, and
 * where a job goes once its retries are used up.
 */
export function emailQueuePolicy(
  env: Pick<Env, 'EMAIL_MAX_ATTEMPTS' | 'EMAIL_RETRY_DELAY_SECONDS'>,
) {
  return {
    retryLimit: env.EMAIL_MAX_ATTEMPTS - 1,
    retryDelay: env.EMAIL_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    expireInSeconds: 60,
    deadLetter: EMAIL_QUEUES.undelivered,
  };
}
