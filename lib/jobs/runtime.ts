import type PgBoss from 'pg-boss';
import type { Database } from '@/db/client';
import { createBoss, prepareQueues, startBoss } from './boss';
import { registerEmailWorkers } from './email-workers';
import { recordDeliveryFailure } from '@/lib/invites/delivery';
import { sendDueReminders } from '@/lib/invites/reminders';
import { QUEUES, REMINDER_SCHEDULE } from './queues';

type Holder = { boss?: PgBoss; starting?: Promise<PgBoss> };
const holder = ((globalThis as Record<string, unknown>).__workbridgeJobs ??= {}) as Holder;

/** Registers every job handler on a started boss. */
export async function registerWorkers(boss: PgBoss, database: Database): Promise<void> {
  await registerEmailWorkers(boss, database, recordDeliveryFailure);
  await boss.work(
    QUEUES.inviteReminders,
    { batchSize: 1, pollingIntervalSeconds: 30 },
    async () => {
      await sendDueReminders(database.db);
    },
  );
  await boss.schedule(QUEUES.inviteReminders, REMINDER_SCHEDULE);
}

/** Starts pg-boss once per process: with workers (inline / worker process) or without. */
export function startJobs(database: Database, options: { work: boolean }): Promise<PgBoss> {
  holder.starting ??= (async () => {
    const boss = createBoss(database, options);
    await startBoss(boss, database);
    await prepareQueues(boss, database);
    if (options.work) await registerWorkers(boss, database);
    holder.boss = boss;
    return boss;
  })();
  return holder.starting;
}

export async function stopJobs(): Promise<void> {
  const boss = holder.boss;
  holder.boss = undefined;
  holder.starting = undefined;
  if (boss) await boss.stop({ graceful: true, timeout: 10_000, wait: true });
}
