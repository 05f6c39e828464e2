import type PgBoss from 'pg-boss';
import type { Database } from '@/db/client';
import { deliverOutboxMessage, markUndelivered } from '@/lib/email/outbox';
import { chooseTransport } from '@/lib/email/transport';
import { createBoss, prepareQueues, startBoss } from './boss';
import { recordDeliveryFailure } from '@/lib/invites/delivery';
import { sendDueReminders } from '@/lib/invites/reminders';
import { QUEUES, REMINDER_SCHEDULE } from './queues';

type Holder = { boss?: PgBoss; starting?: Promise<PgBoss> };
const holder = ((globalThis as Record<string, unknown>).__workbridgeJobs ??= {}) as Holder;

/** Registers every job handler on a started boss. */
export async function registerWorkers(boss: PgBoss, database: Database): Promise<void> {
  await boss.work<{ outboxId: string }>(
    QUEUES.emailDeliver,
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
        await recordDeliveryFailure(database.db, job.data.outboxId, outcome.error);
      // Throwing hands the job back to pg-boss, which retries it with backoff.
      if (outcome.status === 'retry') throw new Error(outcome.error);
    },
  );
  // Whatever made the last try throw, a job pg-boss gave up on leaves no message queued forever.
  await boss.work<{ outboxId: string }>(
    QUEUES.emailUndelivered,
    { batchSize: 1, pollingIntervalSeconds: 2, includeMetadata: true },
    async ([job]) => {
      const error = await markUndelivered(database.db, job.data.outboxId, failureOf(job.output));
      if (error !== undefined) await recordDeliveryFailure(database.db, job.data.outboxId, error);
    },
  );
  await boss.work(
    QUEUES.inviteReminders,
    { batchSize: 1, pollingIntervalSeconds: 30 },
    async () => {
      await sendDueReminders(database.db);
    },
  );
  await boss.schedule(QUEUES.inviteReminders, REMINDER_SCHEDULE);
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
