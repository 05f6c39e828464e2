import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { clientWorkspaces, messageReads, messageThreads, messages } from '@/db/schema';

/*
 * What "unread" means, for the header's badge and the message list's per-thread counts. It
 * lives here, below lib/messages, because the session lookup (findSessionViewer) selects the
 * badge as a column, so every signed-in page reads it in the session's one statement;
 * lib/messages builds its list from the same two conditions, so the two cannot disagree.
 *
 * `userId` is a column of the outer query (`users.id`) or a value.
 */
type UserRef = AnyColumn | string;

/** Threads on the person's side: they are the freelancer, or they own the client workspace. */
export function isThreadPartyOf(userId: UserRef): SQL {
  return sql`(${messageThreads.freelancerId} = ${userId} or ${messageThreads.workspaceId} in
    (select ${clientWorkspaces.id} from ${clientWorkspaces} where ${clientWorkspaces.ownerId} = ${userId}))`;
}

/** A message from the other side that arrived after the reader's last look (message_read joined). */
export function isUnreadBy(userId: UserRef): SQL {
  return sql`(${messages.authorId} <> ${userId}
    and ${messages.createdAt} > coalesce(${messageReads.lastReadAt}, '-infinity'::timestamptz))`;
}

/** The header's badge: every unread message on the person's side, as a scalar subquery. */
export function unreadMessagesOf(userId: UserRef): SQL<number> {
  return sql<number>`(select count(*) from ${messages}
    join ${messageThreads} on ${messageThreads.id} = ${messages.threadId}
    left join ${messageReads} on ${messageReads.threadId} = ${messages.threadId}
      and ${messageReads.userId} = ${userId}
    where ${isThreadPartyOf(userId)} and ${isUnreadBy(userId)})`.mapWith(Number);
}
