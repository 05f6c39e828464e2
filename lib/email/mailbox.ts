import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { mailboxMessages } from '@/db/schema';
import { getEnv } from '@/lib/env';

export function isMailboxEnabled(): boolean {
  return getEnv().EMAIL_TRANSPORT === 'mailbox';
}

export async function listMailbox(db: DbOrTx, options: { to?: string; limit?: number } = {}) {
  return db
    .select({
      id: mailboxMessages.id,
      toAddress: mailboxMessages.toAddress,
      subject: mailboxMessages.subject,
      createdAt: mailboxMessages.createdAt,
    })
    .from(mailboxMessages)
    .where(options.to ? eq(mailboxMessages.toAddress, options.to) : undefined)
    .orderBy(desc(mailboxMessages.createdAt))
    .limit(options.limit ?? 200);
}

export async function getMailboxMessage(db: DbOrTx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [message] = await db.select().from(mailboxMessages).where(eq(mailboxMessages.id, id));
  return message;
}

/** The links of an HTML body, in order, without repeats. */
export function extractLinks(html: string): string[] {
  const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
  return [...new Set(links)];
}
