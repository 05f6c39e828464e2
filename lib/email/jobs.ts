import type { Db } from '@/db/client';
import { getEnv } from '@/lib/env';
import type { JobDefinition } from '@/lib/jobs/definition';
import { EMAIL_QUEUES, emailQueuePolicy } from './queues';
import { registerEmailWorkers } from './workers';

/**
 * What a domain does when one of its messages is given up on (its last attempt failed, or
 * pg-boss stopped retrying): lib/email knows no domain, so each one that cares registers a
 * hook in lib/server/jobs.ts. A hook looks the message up by its outbox id.
 */
export type DeliveryFailureHook = (db: Db, outboxId: string, error: string) => Promise<void>;

/**
 * Both delivery lanes (transactional and bulk, see lib/email/workers.ts) and their shared
 * dead-letter queue, with their workers.
 */
export function emailJobs(options: { onFailed: DeliveryFailureHook[] }): JobDefinition {
  const failed = async (db: Db, outboxId: string, error: string) => {
    for (const hook of options.onFailed) await hook(db, outboxId, error);
  };
  return {
    // The dead-letter queue first: the delivery queues refer to it.
    queues: [
      { name: EMAIL_QUEUES.undelivered },
      { name: EMAIL_QUEUES.deliver, options: emailQueuePolicy(getEnv()) },
      { name: EMAIL_QUEUES.deliverBulk, options: emailQueuePolicy(getEnv()) },
    ],
    work: (boss, database) => registerEmailWorkers(boss, database, failed),
  };
}
