import PgBoss from 'pg-boss';
import type { Database } from '@/db/client';
import { getEnv } from '@/lib/env';
import { QUEUES, emailQueuePolicy } from './queues';

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
 * Creates or updates every queue. Servers starting together take turns: pg-boss's
 * createQueue run twice at once deadlocks.
 */
export async function prepareQueues(boss: PgBoss, database: Database): Promise<void> {
  await database.withLock(QUEUE_SETUP_LOCK, () => setUpQueues(boss));
}

/** Starts pg-boss; its schema creation is not safe to run from two servers at once either. */
export async function startBoss(boss: PgBoss, database: Database): Promise<void> {
  await database.withLock(QUEUE_SETUP_LOCK, () => boss.start().then(() => undefined));
}

async function setUpQueues(boss: PgBoss): Promise<void> {
  const env = getEnv();
  // The dead-letter queue first: the delivery queues refer to it.
  if (!(await boss.getQueue(QUEUES.emailUndelivered))) {
    await boss.createQueue(QUEUES.emailUndelivered, { name: QUEUES.emailUndelivered });
  }
  const policy = emailQueuePolicy(env);
  for (const name of [QUEUES.emailDeliver, QUEUES.emailDeliverBulk]) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...policy });
    else await boss.updateQueue(name, { name, ...policy });
  }
  if (!(await boss.getQueue(QUEUES.inviteReminders))) {
    await boss.createQueue(QUEUES.inviteReminders, {
      name: QUEUES.inviteReminders,
      policy: 'singleton',
    });
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
