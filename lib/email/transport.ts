import { Resend } from 'resend';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { mailboxMessages } from '@/db/schema';
import { getEnv } from '@/lib/env';

export type OutgoingEmail = {
  /** The outbox id: the idempotency key of the message. */
  id: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
};

export type DeliveryResult =
  { ok: true; providerMessageId: string | null } | { ok: false; error: string };

/**
 * A batch either reached the provider, with a result per message in order (a message the
 * provider refused fails alone), or did not, and is tried again as a whole.
 */
export type BatchDeliveryResult =
  { ok: true; results: DeliveryResult[] } | { ok: false; error: string };

export type EmailTransport = {
  name: 'resend' | 'mailbox';
  deliver(email: OutgoingEmail): Promise<DeliveryResult>;
  /** Independent messages at once, each under its own idempotency key: a result each, in order. */
  deliverMany(emails: OutgoingEmail[]): Promise<DeliveryResult[]>;
  /**
   * Sends up to EMAIL_BATCH_SIZE messages at once. `batchKey` is the idempotency key of
   * the batch: the same messages are always sent together under the same key, so a repeat
   * of a request that reached the provider sends nothing twice.
   */
  deliverBatch(emails: OutgoingEmail[], batchKey: string): Promise<BatchDeliveryResult>;
};

const PROVIDER_TIMEOUT_MS = 15_000;

function withTimeout<T extends { ok: boolean }>(
  attempt: Promise<T>,
  timeoutMs: number,
): Promise<T | { ok: false; error: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ ok: false; error: string }>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, error: `Resend did not answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  return Promise.race([attempt, timeout]).finally(() => clearTimeout(timer));
}

const requestFailed = (cause: unknown) => ({
  ok: false as const,
  error: cause instanceof Error ? cause.message : 'Resend request failed',
});

export function resendTransport(
  apiKey: string,
  baseUrl?: string,
  timeoutMs = PROVIDER_TIMEOUT_MS,
): EmailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  const payload = (email: OutgoingEmail) => ({
    from: email.from,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
  });
  const transport: EmailTransport = {
    name: 'resend',
    deliverMany: (emails) => Promise.all(emails.map((email) => transport.deliver(email))),
    deliver(email) {
      const attempt = resend.emails
        .send(payload(email), { idempotencyKey: email.id })
        .then(({ data, error }): DeliveryResult => {
          if (error) return { ok: false, error: `${error.name}: ${error.message}` };
          return { ok: true, providerMessageId: data?.id ?? null };
        })
        .catch(requestFailed);
      return withTimeout(attempt, timeoutMs);
    },
    deliverBatch(emails, batchKey) {
      // Permissive: one address the provider refuses fails alone instead of the whole batch.
      // The tag names each message's outbox id at the provider.
      const attempt = resend.batch
        .send(
          emails.map((email) => ({
            ...payload(email),
            tags: [{ name: 'outbox_id', value: email.id }],
          })),
          { idempotencyKey: batchKey, batchValidation: 'permissive' },
        )
        .then(({ data, error }): BatchDeliveryResult => {
          if (error) return { ok: false, error: `${error.name}: ${error.message}` };
          const refused = new Map((data?.errors ?? []).map((e) => [e.index, e.message]));
          // `data` lists the accepted messages only, in the order they were sent.
          const accepted = (data?.data ?? []).values();
          return {
            ok: true,
            results: emails.map((_, index): DeliveryResult => {
              const reason = refused.get(index);
              if (reason !== undefined) return { ok: false, error: reason };
              return { ok: true, providerMessageId: accepted.next().value?.id ?? null };
            }),
          };
        })
        .catch(requestFailed);
      return withTimeout(attempt, timeoutMs);
    },
  };
  return transport;
}

/** The local mailbox: messages land in a table shown at /dev/mail. */
export function mailboxTransport(db: DbOrTx): EmailTransport {
  const transport: EmailTransport = {
    name: 'mailbox',
    async deliver(email) {
      const [result] = await transport.deliverMany([email]);
      return result;
    },
    async deliverBatch(emails) {
      return { ok: true, results: await transport.deliverMany(emails) };
    },
    // One insert for all of them; only a repeat needs to look up the rows the first one wrote.
    async deliverMany(emails) {
      const inserted = await db
        .insert(mailboxMessages)
        .values(
          emails.map((email) => ({
            outboxId: email.id,
            toAddress: email.to,
            fromAddress: email.from,
            subject: email.subject,
            html: email.html,
            text: email.text,
          })),
        )
        .onConflictDoNothing({ target: mailboxMessages.outboxId })
        .returning({ id: mailboxMessages.id, outboxId: mailboxMessages.outboxId });
      const written = new Set(inserted.map((row) => row.outboxId));
      const repeated = emails.map((email) => email.id).filter((id) => !written.has(id));
      const earlier = repeated.length
        ? await db
            .select({ id: mailboxMessages.id, outboxId: mailboxMessages.outboxId })
            .from(mailboxMessages)
            .where(inArray(mailboxMessages.outboxId, repeated))
        : [];
      const byOutbox = new Map([...inserted, ...earlier].map((row) => [row.outboxId, row.id]));
      return emails.map((email): DeliveryResult => ({
        ok: true,
        providerMessageId: byOutbox.get(email.id) ?? null,
      }));
    },
  };
  return transport;
}

export function chooseTransport(db: DbOrTx): EmailTransport {
  const env = getEnv();
  if (env.EMAIL_TRANSPORT === 'mailbox') return mailboxTransport(db);
  // lib/env.ts refuses EMAIL_TRANSPORT=resend without a key: never fall back to the mailbox.
  if (!env.RESEND_API_KEY) throw new Error('EMAIL_TRANSPORT=resend needs RESEND_API_KEY');
  return resendTransport(env.RESEND_API_KEY, env.RESEND_BASE_URL);
}
