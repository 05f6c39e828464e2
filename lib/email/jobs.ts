import type { Db } from '@/db/client';
import { getEnv } from '@/lib/env';
import type { JobDefinition } from '@/lib/jobs/definition';
import { deliverOutboxMessage, markUndelivered } from './outbox';
import { EMAIL_QUEUES, emailQueuePolicy } from './queues';
import { chooseTransport } from './transport';

/**
 * What a domain does when one of its messages is given up on (its last attempt failed, or
 * pg-boss stopped retrying): lib/email knows no domain, so each one that cares registers a
 * hook in lib/server/jobs.ts. A hook looks the message up by its outbox id.
 */
export type DeliveryFailureHook = (db: Db, outboxId: string, error: string) => Promise<void>;

/** The delivery queue and its dead-letter queue, with their workers. */
export function emailJobs(options: { onFailed: DeliveryFailureHook[] }): JobDefinition {
  const failed = async (db: Db, outboxId: string, error: string) => {
    for (const hook of options.onFailed) await hook(db, outboxId, error);
  };
  return {
    // The dead-letter queue first: the delivery queue refers to it.
    queues: [
      { name: EMAIL_QUEUES.undelivered },
      { name: EMAIL_QUEUES.deliver, options: emailQueuePolicy(getEnv()) },
    ],
    async work(boss, database) {
      await boss.work<{ outboxId: string }>(
        EMAIL_QUEUES.deliver,
        { batchSize: 1, pollingIntervalSeconds: 1 },
        async ([job]) => {
          const outcome = await deliverOutboxMessage(
            database.db,
            job.data.outboxId,
            chooseTransport(database.db),
          ).catch((error: unknown) => {
            // pg-boss keeps the message of the last failure and the dead-letter worker records
            // it: the cause, not Drizzle's "Failed query: …" with the statement's parameters.
            throw new Error(rootCauseOf(error));
          });
          if (outcome.status === 'failed')
            await failed(database.db, job.data.outboxId, outcome.error);
          // Throwing hands the job back to pg-boss, which retries it with backoff.
          if (outcome.status === 'retry') throw new Error(outcome.error);
        },
      );
      // Whatever made the last try throw, a job pg-boss gave up on leaves no message queued forever.
      await boss.work<{ outboxId: string }>(
        EMAIL_QUEUES.undelivered,
        { batchSize: 1, pollingIntervalSeconds: 2, includeMetadata: true },
        async ([job]) => {
          const error = await markUndelivered(
            database.db,
            job.data.outboxId,
            failureOf(job.output),
          );
          if (error !== undefined) await failed(database.db, job.data.outboxId, error);
        },
      );
    },
  };
}

function rootCauseOf(error: unknown): string {
  let cause = error;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  return cause instanceof Error ? cause.message : String(cause);
}

/** The message of a failed job's output: a thrown error, or pg-boss's own (`{ value: … }`). */
function failureOf(output: object | null | undefined): string | undefined {
  const value = output as { message?: unknown; value?: { message?: unknown } } | null | undefined;
  const message = value?.message ?? value?.value?.message;
  return typeof message === 'string' && message !== '' ? message : undefined;
}
