import PgBoss from 'pg-boss';
import type { Database } from '@/db/client';
import { getEnv } from '@/lib/env';
import { QUEUES, emailQueuePolicy } from './queues';

export type Boss = PgBoss;

/**
 * A pg-boss instance on our database. On PGlite it runs through our executeSql (one
 * connection, serialised by PGlite); on a server it keeps its own small pool.
 */
export function createBoss(database: Database, options: { work: boolean }): PgBoss {
  const env = getEnv();
  const common = {
    schema: 'pgboss',
    supervise: options.work,
    schedule: options.work,
    migrate: true,
  };
  const boss =
    database.kind === 'pglite' || !env.DATABASE_URL
      ? new PgBoss({ ...common, db: database })
      : new PgBoss({ ...common, connectionString: env.DATABASE_URL, max: 4 });
  boss.on('error', (error: Error) => console.error('[jobs] pg-boss error:', error.message));
  return boss;
}

/** Creates the schema and every queue; safe to run from several processes. */
export async function prepareQueues(boss: PgBoss): Promise<void> {
  const env = getEnv();
  const existing = await boss.getQueue(QUEUES.emailDeliver);
  const policy = emailQueuePolicy(env);
  if (!existing) {
    await boss.createQueue(QUEUES.emailDeliver, { name: QUEUES.emailDeliver, ...policy });
  } else {
    await boss.updateQueue(QUEUES.emailDeliver, { name: QUEUES.emailDeliver, ...policy });
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
