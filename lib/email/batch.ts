import type { DbOrTx } from '@/db/client';
import { getEnv } from '@/lib/env';
import { claimMessages, hasBody, markFailed, requeue, settleSent, toOutgoing } from './settle';
import type { EmailTransport } from './transport';

export type BatchOutcome =
  | { status: 'settled'; sent: string[]; failed: { id: string; error: string }[] }
  | { status: 'retry'; error: string };

const MISSING_BODY = 'The message body is missing';

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
  const claimed = await claimMessages(db, batch.outboxIds);
  const failed = claimed.filter((m) => !hasBody(m)).map((m) => ({ id: m.id, error: MISSING_BODY }));
  await markFailed(
    db,
    failed.map((f) => f.id),
    MISSING_BODY,
  );
  const sendable = claimed.filter(hasBody);
  if (sendable.length === 0) return { status: 'settled', sent: [], failed };

  const ids = sendable.map((m) => m.id);
  const result = await transport.deliverBatch(sendable.map(toOutgoing), `batch-${batch.batchId}`);
  if (!result.ok) {
    if (sendable.some((m) => m.attempts >= maxAttempts)) {
      await markFailed(db, ids, result.error);
      return {
        status: 'settled',
        sent: [],
        failed: [...failed, ...ids.map((id) => ({ id, error: result.error }))],
      };
    }
    await requeue(db, ids, result.error);
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
  for (const { id, error } of refused) await markFailed(db, [id], error);
  return { status: 'settled', sent: sent.map((s) => s.id), failed: [...failed, ...refused] };
}
