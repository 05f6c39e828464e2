import type PgBoss from 'pg-boss';
import type { Database } from '@/db/client';
import { createBoss, prepareQueues, startBoss } from './boss';
import type { JobDefinition } from './definition';

type Holder = { boss?: PgBoss; starting?: Promise<PgBoss> };
const holder = ((globalThis as Record<string, unknown>).__workbridgeJobs ??= {}) as Holder;

/**
 * Starts pg-boss once per process with the queues of every definition, and their workers
 * when this process works (inline / worker process).
 */
export function startJobs(
  database: Database,
  options: { work: boolean; jobs: JobDefinition[] },
): Promise<PgBoss> {
  holder.starting ??= (async () => {
    const boss = createBoss(database, options);
    await startBoss(boss, database);
    await prepareQueues(boss, database, options.jobs);
    if (options.work) for (const job of options.jobs) await job.work(boss, database);
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
