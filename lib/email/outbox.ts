import { randomUUID } from 'node:crypto';
import type { ReactElement } from 'react';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { executorFor, type DbOrTx } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { jobSender } from '@/lib/jobs/boss';
import { EMAIL_BATCH_SIZE, EMAIL_QUEUES, emailQueuePolicy } from './queues';
import { renderEmail } from './render';
import { claimMessages, hasBody, markFailed, requeue, settleSent, toOutgoing } from './settle';
import type { EmailTransport } from './transport';

export type EmailMessage = {
  to: string;
  subject: string;
  /** A short name of the template, kept for the outbox list and tests. */
  template: string;
  element: ReactElement;
  /** True when the body carries a token: the stored copy is wiped after delivery. */
  containsSecret?: boolean;
  /** 'bulk' for mail sent to many at once; everything else goes ahead of it (see EmailLane). */
  lane?: EmailLane;
};

/**
 * Which delivery queue a message waits in. Transactional mail (sign-in links, security
 * notices, confirmations: someone is waiting for it) has its own queue and workers, so a
 * bulk send of 500 invitations never stands in front of a sign-in link.
 */
export type EmailLane = 'transactional' | 'bulk';

/** A rendered message, ready for the outbox (bulk senders render once and fill in). */
export type RenderedMessage = {
  id?: string;
  to: string;
  subject: string;
  template: string;
  html: string;
  text: string;
  containsSecret?: boolean;
};

/**
 * The one way to send an email: renders it, writes it to the outbox and queues its
 * delivery job, all inside the caller's transaction. Nothing leaves before commit.
 */
export async function sendEmail(tx: DbOrTx, message: EmailMessage): Promise<string> {
  const { html, text } = await renderEmail(message.element);
  const [id] = await enqueueRenderedEmails(tx, [{ ...message, html, text }], message.lane);
  return id;
}

/**
 * Writes already-rendered messages and their delivery jobs, in as few statements as
 * possible: one job per message in the transactional lane, one per EMAIL_BATCH_SIZE
 * messages in the bulk lane.
 */
export async function enqueueRenderedEmails(
  tx: DbOrTx,
  messages: RenderedMessage[],
  lane: EmailLane = 'transactional',
): Promise<string[]> {
  if (messages.length === 0) return [];
  const env = getEnv();
  const rows = messages.map((m) => ({
    id: m.id ?? randomUUID(),
    toAddress: m.to,
    fromAddress: env.EMAIL_FROM,
    subject: m.subject,
    template: m.template,
    html: m.html,
    text: m.text,
    containsSecret: m.containsSecret ?? false,
  }));
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.insert(emailOutbox).values(rows.slice(i, i + INSERT_CHUNK));
  }
  const { retryLimit, retryDelay, retryBackoff, expireInSeconds } = emailQueuePolicy(env);
  const policy = { retryLimit, retryDelay, retryBackoff, expireInSeconds };
  const ids = rows.map((row) => row.id);
  const jobs =
    lane === 'bulk'
      ? chunk(ids, EMAIL_BATCH_SIZE).map((outboxIds) => {
          const batchId = randomUUID();
          const data: BulkDeliveryJob = { batchId, outboxIds };
          return { name: EMAIL_QUEUES.deliverBulk, data, singletonKey: batchId, ...policy };
        })
      : ids.map((outboxId) => {
          const data: DeliveryJob = { outboxId };
          return { name: EMAIL_QUEUES.deliver, data, singletonKey: outboxId, ...policy };
        });
  await jobSender().insert(jobs, { db: executorFor(tx) });
  return ids;
}

/** The data of a transactional delivery job. */
export type DeliveryJob = { outboxId: string };
/** The data of a bulk delivery job: its messages are always sent together, under batchId. */
export type BulkDeliveryJob = { batchId: string; outboxIds: string[] };

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

const INSERT_CHUNK = 500;

export type DeliveryOutcome =
  | { status: 'sent' }
  | { status: 'already-done' }
  | { status: 'retry'; error: string }
  | { status: 'failed'; error: string };

/**
 * One delivery attempt of one outbox message. Safe to repeat: a message that is already
 * sent or failed is left alone, and the provider sees the same idempotency key each time.
 */
export async function deliverOutboxMessage(
  db: DbOrTx,
  outboxId: string,
  transport: EmailTransport,
  maxAttempts = getEnv().EMAIL_MAX_ATTEMPTS,
): Promise<DeliveryOutcome> {
  const outcomes = await deliverOutboxMessages(db, [outboxId], transport, maxAttempts);
  return outcomes.get(outboxId)!;
}

/**
 * One delivery attempt of each of several independent messages, as deliverOutboxMessage
 * makes for one (each message its own idempotency key and its own outcome), with the
 * claim and the record of what was sent written once for all of them.
 */
export async function deliverOutboxMessages(
  db: DbOrTx,
  outboxIds: string[],
  transport: EmailTransport,
  maxAttempts = getEnv().EMAIL_MAX_ATTEMPTS,
): Promise<Map<string, DeliveryOutcome>> {
  const outcomes = new Map<string, DeliveryOutcome>(
    outboxIds.map((id) => [id, { status: 'already-done' }]),
  );
  const claimed = await claimMessages(db, outboxIds);
  const missing = claimed.filter((m) => !hasBody(m)).map((m) => m.id);
  await markFailed(db, missing, MISSING_BODY);
  for (const id of missing) outcomes.set(id, { status: 'failed', error: MISSING_BODY });
  const sendable = claimed.filter(hasBody);
  if (sendable.length === 0) return outcomes;

  const results = await transport.deliverMany(sendable.map(toOutgoing));
  const sent: { id: string; providerMessageId: string | null }[] = [];
  for (const [i, message] of sendable.entries()) {
    const result = results[i];
    if (result.ok) {
      sent.push({ id: message.id, providerMessageId: result.providerMessageId });
      outcomes.set(message.id, { status: 'sent' });
    } else if (message.attempts >= maxAttempts) {
      await markFailed(db, [message.id], result.error);
      outcomes.set(message.id, { status: 'failed', error: result.error });
    } else {
      await requeue(db, [message.id], result.error);
      outcomes.set(message.id, { status: 'retry', error: result.error });
    }
  }
  await settleSent(db, sent);
  return outcomes;
}

const MISSING_BODY = 'The message body is missing';

/**
 * pg-boss gave up on a message's delivery job: its handler kept throwing before an attempt
 * could settle the message (a database error, say) or the job kept expiring (a worker killed
 * mid-send). Marks the message failed unless an attempt already sent or failed it; returns
 * the error recorded then, or undefined when there was nothing to mark.
 */
export async function markUndelivered(
  db: DbOrTx,
  outboxId: string,
  reason: string | undefined,
): Promise<string | undefined> {
  const [row] = await db
    .update(emailOutbox)
    .set({
      status: 'failed',
      failedAt: new Date(),
      lastError:
        reason ??
        sql`coalesce(${emailOutbox.lastError}, 'Delivery stopped after the last attempt')`,
    })
    .where(and(eq(emailOutbox.id, outboxId), inArray(emailOutbox.status, ['queued', 'sending'])))
    .returning({ lastError: emailOutbox.lastError });
  return row?.lastError ?? undefined;
}
