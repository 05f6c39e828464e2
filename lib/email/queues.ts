import type { Env } from '@/lib/env';

export const EMAIL_QUEUES = {
  deliver: 'email-deliver',
  /** The delivery queue's dead-letter queue: pg-boss copies a delivery job here when it gives up. */
  undelivered: 'email-undelivered',
} as const;

/**
 * Retry policy of the delivery queue: attempts, exponential backoff, a lease per try, and
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
