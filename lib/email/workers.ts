import type PgBoss from 'pg-boss';
import type { Database, Db } from '@/db/client';
import { deliverOutboxBatch } from './batch';
import {
  deliverOutboxMessage,
  deliverOutboxMessages,
  markUndelivered,
  type DeliveryOutcome,
  type BulkDeliveryJob,
  type DeliveryJob,
} from './outbox';
import { EMAIL_QUEUES } from './queues';
import { chooseTransport } from './transport';

/*
 * The two delivery lanes (see EmailLane). pg-boss 10 runs one handler at a time per
 * worker and waits out its polling interval after every fetch, so one worker fetching one
 * job delivered one message a second. Instead:
 * - transactional: several workers, each fetching up to TRANSACTIONAL_BATCH jobs and
 *   delivering their messages side by side (each under its own idempotency key), each job
 *   settled on its own (a failure retries only its own message); polled twice a second,
 *   as a sign-in link must not wait;
 * - bulk: each job is a batch of up to 100 messages sent in one provider request.
 * A worker that found a full load asks for the next one at once instead of sleeping.
 */
const TRANSACTIONAL_WORKERS = 2;
const TRANSACTIONAL_BATCH = 10;
const BULK_WORKERS = 2;

/** Called once for every message given up on; lib/email/jobs.ts runs the domains' hooks. */
type OnUndeliverable = (db: Db, outboxId: string, error: string) => Promise<void>;

type WorkerHandle = { id?: string };

function fetchAgainAtOnce(boss: PgBoss, worker: WorkerHandle) {
  if (worker.id) boss.notifyWorker(worker.id);
}

/** Registers both lanes' workers and the dead-letter worker on a started boss. */
export async function registerEmailWorkers(
  boss: PgBoss,
  database: Database,
  onUndeliverable: OnUndeliverable,
): Promise<void> {
  const db = database.db;
  // Settles each job by its own message's outcome: a failed attempt fails only its job,
  // which pg-boss then retries with backoff.
  const settleJob = async (job: PgBoss.Job<DeliveryJob>, outcome: DeliveryOutcome) => {
    if (outcome.status === 'failed') await onUndeliverable(db, job.data.outboxId, outcome.error);
    if (outcome.status === 'retry')
      await boss.fail(EMAIL_QUEUES.deliver, job.id, { message: outcome.error });
  };
  // pg-boss keeps the message of the last failure and the dead-letter worker records it:
  // the cause, not Drizzle's "Failed query: …" with the statement's parameters.
  const failJob = (job: PgBoss.Job<DeliveryJob>, error: unknown) =>
    boss.fail(EMAIL_QUEUES.deliver, job.id, { message: rootCauseOf(error) });
  const deliverAll = async (jobs: PgBoss.Job<DeliveryJob>[]) => {
    const transport = chooseTransport(db);
    try {
      const outcomes = await deliverOutboxMessages(
        db,
        jobs.map((job) => job.data.outboxId),
        transport,
      );
      for (const job of jobs) await settleJob(job, outcomes.get(job.data.outboxId)!);
    } catch {
      // One message's database error must not use up the others' attempts: one at a time.
      for (const job of jobs) {
        await deliverOutboxMessage(db, job.data.outboxId, transport).then(
          (outcome) => settleJob(job, outcome),
          (error: unknown) => failJob(job, error),
        );
      }
    }
  };
  for (let i = 0; i < TRANSACTIONAL_WORKERS; i++) {
    const worker: WorkerHandle = {};
    worker.id = await boss.work<DeliveryJob>(
      EMAIL_QUEUES.deliver,
      { batchSize: TRANSACTIONAL_BATCH, pollingIntervalSeconds: 0.5 },
      async (jobs) => {
        await deliverAll(jobs);
        if (jobs.length === TRANSACTIONAL_BATCH) fetchAgainAtOnce(boss, worker);
      },
    );
  }
  for (let i = 0; i < BULK_WORKERS; i++) {
    const worker: WorkerHandle = {};
    worker.id = await boss.work<BulkDeliveryJob>(
      EMAIL_QUEUES.deliverBulk,
      { batchSize: 1, pollingIntervalSeconds: 1 },
      async ([job]) => {
        const outcome = await deliverOutboxBatch(db, job.data, chooseTransport(db)).catch(
          (error: unknown) => {
            throw new Error(rootCauseOf(error));
          },
        );
        // Throwing hands the batch back to pg-boss, which retries it whole, with backoff.
        if (outcome.status === 'retry') throw new Error(outcome.error);
        for (const { id, error } of outcome.failed) await onUndeliverable(db, id, error);
        fetchAgainAtOnce(boss, worker);
      },
    );
  }
  // Whatever made the last try throw, a job pg-boss gave up on leaves no message queued forever.
  await boss.work<DeliveryJob | BulkDeliveryJob>(
    EMAIL_QUEUES.undelivered,
    { batchSize: 1, pollingIntervalSeconds: 2, includeMetadata: true },
    async ([job]) => {
      const ids = 'outboxIds' in job.data ? job.data.outboxIds : [job.data.outboxId];
      for (const outboxId of ids) {
        const error = await markUndelivered(db, outboxId, failureOf(job.output));
        if (error !== undefined) await onUndeliverable(db, outboxId, error);
      }
    },
  );
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
