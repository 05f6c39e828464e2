import type { Env } from '@/lib/env';

export const QUEUES = {
  emailDeliver: 'email-deliver',
  /** emailDeliver's dead-letter queue: pg-boss copies a delivery job here when it gives up. */
  emailUndelivered: 'email-undelivered',
  inviteReminders: 'invite-reminders',
} as const;

/** How often the reminder sweep runs (cron, UTC). */
export const REMINDER_SCHEDULE = '*/15 * * * *';

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

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
    deadLetter: QUEUES.emailUndelivered,
  };
}
