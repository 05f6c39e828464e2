import { createElement } from 'react';
import { and, desc, eq, gt, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { clientWorkspaces, messageReads, messageThreads, messages, users } from '@/db/schema';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import UnreadMessagesEmail from '@/emails/unread-messages';
import { findThread } from './queries';

/** A message waits this long before it is emailed: the reader may be on the page already. */
export const UNREAD_EMAIL_DELAY_MS = 5 * 60_000;
/** At most one email an hour per thread and reader. */
export const UNREAD_EMAIL_INTERVAL_MS = 60 * 60_000;
const EXCERPT_LENGTH = 140;
const BATCH = 100;

const NEVER = sql`'-infinity'::timestamptz`;

/** (thread, reader) pairs with unread messages from the other side that want an email. */
async function findDueReaders(db: Db, at: Date, recipient: SQL<string>) {
  const settled = new Date(at.getTime() - UNREAD_EMAIL_DELAY_MS);
  const lastHour = new Date(at.getTime() - UNREAD_EMAIL_INTERVAL_MS);
  return db
    .select({
      threadId: messageThreads.id,
      userId: recipient,
      unread: sql<number>`count(*)`.mapWith(Number),
    })
    .from(messageThreads)
    .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, messageThreads.workspaceId))
    .innerJoin(
      messages,
      and(eq(messages.threadId, messageThreads.id), ne(messages.authorId, recipient)),
    )
    .leftJoin(
      messageReads,
      and(eq(messageReads.threadId, messageThreads.id), eq(messageReads.userId, recipient)),
    )
    .where(
      and(
        gt(messages.createdAt, sql`coalesce(${messageReads.lastReadAt}, ${NEVER})`),
        // Only what arrived since the last email: one email covers everything before it.
        gt(messages.createdAt, sql`coalesce(${messageReads.lastEmailedAt}, ${NEVER})`),
        lte(messages.createdAt, settled),
        or(isNull(messageReads.lastEmailedAt), lte(messageReads.lastEmailedAt, lastHour)),
      ),
    )
    .groupBy(messageThreads.id, recipient)
    .limit(BATCH);
}

/**
 * Claims the hour for this reader and thread; false when another worker (or an earlier
 * run of this tick) already emailed them within it.
 */
async function claimEmailSlot(tx: Tx, threadId: string, userId: string, at: Date) {
  const lastHour = new Date(at.getTime() - UNREAD_EMAIL_INTERVAL_MS);
  const claimed = await tx
    .insert(messageReads)
    .values({ threadId, userId, lastEmailedAt: at })
    .onConflictDoUpdate({
      target: [messageReads.threadId, messageReads.userId],
      set: { lastEmailedAt: at },
      setWhere: or(isNull(messageReads.lastEmailedAt), lte(messageReads.lastEmailedAt, lastHour)),
    })
    .returning({ threadId: messageReads.threadId });
  return claimed.length > 0;
}

async function emailReader(
  db: Db,
  due: { threadId: string; userId: string; unread: number },
  at: Date,
) {
  return db.transaction(async (tx) => {
    if (!(await claimEmailSlot(tx, due.threadId, due.userId, at))) return false;
    const thread = await findThread(tx, due.threadId);
    const [reader] = await tx
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, due.userId));
    const [latest] = await tx
      .select({ body: messages.body })
      .from(messages)
      .where(and(eq(messages.threadId, due.threadId), ne(messages.authorId, due.userId)))
      .orderBy(desc(messages.createdAt))
      .limit(1);
    if (!thread || !reader || !latest) return false;
    const fromName =
      due.userId === thread.freelancerId
        ? thread.workspaceName
        : (thread.freelancerName ?? 'Your freelancer');
    const excerpt =
      latest.body.length > EXCERPT_LENGTH
        ? `${latest.body.slice(0, EXCERPT_LENGTH)}…`
        : latest.body;
    await sendEmail(tx, {
      to: reader.email,
      subject: `New messages about “${thread.subject}”`,
      template: 'unread-messages',
      element: createElement(UnreadMessagesEmail, {
        subject: thread.subject,
        fromName,
        unread: due.unread,
        excerpt,
        url: new URL(`/messages/${due.threadId}`, getEnv().APP_URL).toString(),
      }),
    });
    return true;
  });
}

/**
 * The tick step: one email per thread to each party with messages unread for a few
 * minutes, unless they were emailed about that thread within the hour. Idempotent: the
 * claim on message_read.last_emailed_at decides, so a rerun at the same time sends nothing.
 */
export async function emailUnreadMessages(db: Db, at: Date): Promise<number> {
  let sent = 0;
  for (const recipient of [messageThreads.freelancerId, clientWorkspaces.ownerId]) {
    const due = await findDueReaders(db, at, sql<string>`${recipient}`);
    for (const row of due) if (await emailReader(db, row, at)) sent += 1;
  }
  return sent;
}
