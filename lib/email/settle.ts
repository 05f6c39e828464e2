import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { emailOutbox } from '@/db/schema';
import type { OutgoingEmail } from './transport';

/*
 * The writes of a delivery attempt, each for many messages in one statement: on PGlite
 * every statement waits its turn on the one connection, so a sign-in link's delivery
 * queues behind as few statements of a bulk send as possible (`npm run bench:mail`).
 */

export type ClaimedMessage = typeof emailOutbox.$inferSelect;

/** Counts an attempt for each message still to deliver; returns them in the order asked. */
export async function claimMessages(db: DbOrTx, outboxIds: string[]): Promise<ClaimedMessage[]> {
  const claimed = await db
    .update(emailOutbox)
    .set({ attempts: sql`${emailOutbox.attempts} + 1`, status: 'sending' })
    .where(
      and(inArray(emailOutbox.id, outboxIds), inArray(emailOutbox.status, ['queued', 'sending'])),
    )
    .returning();
  const order = new Map(outboxIds.map((id, i) => [id, i]));
  return claimed.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

export function hasBody(
  message: ClaimedMessage,
): message is ClaimedMessage & { html: string; text: string } {
  return message.html !== null && message.text !== null;
}

export function toOutgoing(
  message: ClaimedMessage & { html: string; text: string },
): OutgoingEmail {
  return {
    id: message.id,
    from: message.fromAddress,
    to: message.toAddress,
    subject: message.subject,
    html: message.html,
    text: message.text,
  };
}

/** Marks the sent messages in one statement, wiping bodies that carry a token. */
export async function settleSent(
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

export async function markFailed(db: DbOrTx, outboxIds: string[], error: string): Promise<void> {
  if (outboxIds.length === 0) return;
  await db
    .update(emailOutbox)
    .set({ status: 'failed', failedAt: new Date(), lastError: error })
    .where(inArray(emailOutbox.id, outboxIds));
}

/** Hands the messages back for another attempt, recording why this one failed. */
export async function requeue(db: DbOrTx, outboxIds: string[], error: string): Promise<void> {
  if (outboxIds.length === 0) return;
  await db
    .update(emailOutbox)
    .set({ status: 'queued', lastError: error })
    .where(
      outboxIds.length === 1
        ? eq(emailOutbox.id, outboxIds[0])
        : inArray(emailOutbox.id, outboxIds),
    );
}
