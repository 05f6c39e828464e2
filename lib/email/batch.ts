import { and, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { markFailed } from './outbox';
import type { EmailTransport } from './transport';

export type BatchOutcome =
  | { status: 'settled'; sent: string[]; failed: { id: string; error: string }[] }
  | { status: 'retry'; error: string };

/**
 * One delivery attempt of a bulk batch: its messages are claimed together, sent in one
 * provider request under the batch's idempotency key, and settled in one statement. Safe to
 * repeat, like deliverOutboxMessage: messages already settled are left out, and a request
 * that failed as a whole is retried as a whole (the same messages, in the same order,
 * under the same key) until the last attempt marks them failed.
 */
export async function deliverOutboxBatch(
  db: DbOrTx,
  batch: { batchId: string; outboxIds: string[] },
  transport: EmailTransport,
  maxAttempts = getEnv().EMAIL_MAX_ATTEMPTS,
): Promise<BatchOutcome> {
  const claimed = await db
    .update(emailOutbox)
    .set({ attempts: sql`${emailOutbox.attempts} + 1`, status: 'sending' })
    .where(
      and(
        inArray(emailOutbox.id, batch.outboxIds),
        inArray(emailOutbox.status, ['queued', 'sending']),
      ),
    )
    .returning();
  const order = new Map(batch.outboxIds.map((id, i) => [id, i]));
  claimed.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

  const failed: { id: string; error: string }[] = [];
  const sendable: (typeof claimed)[number][] = [];
  for (const message of claimed) {
    if (message.html === null || message.text === null) {
      await markFailed(db, message.id, 'The message body is missing');
      failed.push({ id: message.id, error: 'The message body is missing' });
    } else sendable.push(message);
  }
  if (sendable.length === 0) return { status: 'settled', sent: [], failed };

  const result = await transport.deliverBatch(
    sendable.map((m) => ({
      id: m.id,
      from: m.fromAddress,
      to: m.toAddress,
      subject: m.subject,
      html: m.html!,
      text: m.text!,
    })),
    `batch-${batch.batchId}`,
  );

  if (!result.ok) {
    const ids = sendable.map((m) => m.id);
    if (sendable.some((m) => m.attempts >= maxAttempts)) {
      await db
        .update(emailOutbox)
        .set({ status: 'failed', failedAt: new Date(), lastError: result.error })
        .where(inArray(emailOutbox.id, ids));
      return {
        status: 'settled',
        sent: [],
        failed: [...failed, ...ids.map((id) => ({ id, error: result.error }))],
      };
    }
    await db
      .update(emailOutbox)
      .set({ status: 'queued', lastError: result.error })
      .where(inArray(emailOutbox.id, ids));
    return { status: 'retry', error: result.error };
  }

  const sent: { id: string; providerMessageId: string | null }[] = [];
  const refused: { id: string; error: string }[] = [];
  sendable.forEach((m, i) => {
    const outcome = result.results[i];
    if (outcome.ok) sent.push({ id: m.id, providerMessageId: outcome.providerMessageId });
    else refused.push({ id: m.id, error: outcome.error });
  });
  await settleSent(db, sent);
  // A message the provider refused (an address it will not take) fails now: a repeat of
  // the same request would only be refused again.
  for (const { id, error } of refused) await markFailed(db, id, error);
  return { status: 'settled', sent: sent.map((s) => s.id), failed: [...failed, ...refused] };
}

/** Marks the sent messages in one statement, wiping bodies that carry a token. */
async function settleSent(
  db: DbOrTx,
  sent: { id: string; providerMessageId: string | null }[],
): Promise<void> {
  if (sent.length === 0) return;
  const values = sql.join(
    sent.map((s) => sql`(${s.id}::uuid, ${s.providerMessageId}::text)`),
    sql`, `,
  );
  await db.execute(sql`
    update ${emailOutbox} set
      status = 'sent',
      sent_at = now(),
      last_error = null,
      provider_message_id = v.provider_message_id,
      html = case when ${emailOutbox.containsSecret} then null else ${emailOutbox.html} end,
      text = case when ${emailOutbox.containsSecret} then null else ${emailOutbox.text} end
    from (values ${values}) as v (id, provider_message_id)
    where ${emailOutbox.id} = v.id`);
}
