import { Resend } from 'resend';
import { sql } from 'drizzle-orm';
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

export type EmailTransport = {
  name: 'resend' | 'mailbox';
  deliver(email: OutgoingEmail): Promise<DeliveryResult>;
};

const PROVIDER_TIMEOUT_MS = 15_000;

export function resendTransport(
  apiKey: string,
  baseUrl?: string,
  timeoutMs = PROVIDER_TIMEOUT_MS,
): EmailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: 'resend',
    async deliver(email) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<DeliveryResult>((resolve) => {
        timer = setTimeout(
          () => resolve({ ok: false, error: `Resend did not answer within ${timeoutMs} ms` }),
          timeoutMs,
        );
      });
      const attempt = resend.emails
        .send(
          {
            from: email.from,
            to: email.to,
            subject: email.subject,
            html: email.html,
            text: email.text,
          },
          { idempotencyKey: email.id },
        )
        .then(({ data, error }): DeliveryResult => {
          if (error) return { ok: false, error: `${error.name}: ${error.message}` };
          return { ok: true, providerMessageId: data?.id ?? null };
        })
        .catch((cause: unknown): DeliveryResult => ({
          ok: false,
          error: cause instanceof Error ? cause.message : 'Resend request failed',
        }));
      try {
        return await Promise.race([attempt, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** The local mailbox: messages land in a table shown at /dev/mail. */
export function mailboxTransport(db: DbOrTx): EmailTransport {
  return {
    name: 'mailbox',
    async deliver(email) {
      await db
        .insert(mailboxMessages)
        .values({
          outboxId: email.id,
          toAddress: email.to,
          fromAddress: email.from,
          subject: email.subject,
          html: email.html,
          text: email.text,
        })
        .onConflictDoNothing({ target: mailboxMessages.outboxId });
      const [row] = await db
        .select({ id: mailboxMessages.id })
        .from(mailboxMessages)
        .where(sql`${mailboxMessages.outboxId} = ${email.id}`);
      return { ok: true, providerMessageId: row?.id ?? null };
    },
  };
}

export function chooseTransport(db: DbOrTx): EmailTransport {
  const env = getEnv();
  if (env.EMAIL_TRANSPORT === 'mailbox') return mailboxTransport(db);
  // lib/env.ts refuses EMAIL_TRANSPORT=resend without a key: never fall back to the mailbox.
  if (!env.RESEND_API_KEY) throw new Error('EMAIL_TRANSPORT=resend needs RESEND_API_KEY');
  return resendTransport(env.RESEND_API_KEY, env.RESEND_BASE_URL);
}
