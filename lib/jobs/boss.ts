import PgBoss from 'pg-boss';
import type { Database } from '@/db/client';
import type { JobDefinition } from './definition';

export type Boss = PgBoss;

/**
 * A pg-boss instance on our own connection (PGlite's single one, or the postgres.js
 * pool), so jobs and application rows always live in the same database.
 */
export function createBoss(database: Database, options: { work: boolean }): PgBoss {
  const boss = new PgBoss({
    schema: 'pgboss',
    supervise: options.work,
    schedule: options.work,
    migrate: true,
    db: database,
  });
  boss.on('error', (error: Error) => console.error('[jobs] pg-boss error:', error.message));
  return boss;
}

const QUEUE_SETUP_LOCK = 4_204_202;

/**
 * Creates or updates every queue of the definitions. Servers starting together take turns:
 * pg-boss's createQueue run twice at once deadlocks.
 */
export async function prepareQueues(
  boss: PgBoss,
  database: Database,
  jobs: JobDefinition[],
): Promise<void> {
  await database.withLock(QUEUE_SETUP_LOCK, () => setUpQueues(boss, jobs));
}

/** Starts pg-boss; its schema creation is not safe to run from two servers at once either. */
export async function startBoss(boss: PgBoss, database: Database): Promise<void> {
  await database.withLock(QUEUE_SETUP_LOCK, () => boss.start().then(() => undefined));
}

async function setUpQueues(boss: PgBoss, jobs: JobDefinition[]): Promise<void> {
  for (const { name, options } of jobs.flatMap((job) => job.queues)) {
    const queue = { name, ...options };
    if (await boss.getQueue(name)) await boss.updateQueue(name, queue);
    else await boss.createQueue(name, queue);
  }
}

/**
 * A boss that only inserts jobs, never starts: `send` runs on whatever executor it is
 * handed (the caller's transaction).
 */
let sender: PgBoss | undefined;
export function jobSender(): PgBoss {
  sender ??= new PgBoss({
    schema: 'pgboss',
    db: { executeSql: () => Promise.reject(new Error('jobSender needs an explicit db')) },
  });
  return sender;
}
