import type { JobDefinition } from '@/lib/jobs/definition';
import { sendDueReminders } from './reminders';

export const INVITE_REMINDERS_QUEUE = 'invite-reminders';

/** How often the reminder sweep runs (cron, UTC). */
export const REMINDER_SCHEDULE = '*/15 * * * *';

/** The reminder sweep: one run at a time (singleton), every fifteen minutes. */
export function inviteJobs(): JobDefinition {
  return {
    queues: [{ name: INVITE_REMINDERS_QUEUE, options: { policy: 'singleton' } }],
    async work(boss, database) {
      await boss.work(
        INVITE_REMINDERS_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 30 },
        async () => {
          await sendDueReminders(database.db);
        },
      );
      await boss.schedule(INVITE_REMINDERS_QUEUE, REMINDER_SCHEDULE);
    },
  };
}
