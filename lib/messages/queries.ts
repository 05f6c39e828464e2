import { and, asc, desc, eq, exists, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { isThreadPartyOf, isUnreadBy } from '@/lib/accounts/unread-messages';
import {
  clientWorkspaces,
  contracts,
  disputes,
  jobPosts,
  messageReads,
  messageThreads,
  messages,
  proposals,
  users,
} from '@/db/schema';

/** Who reads: the signed-in person, and whether they are ops (ADMIN_EMAILS). */
export type Reader = { userId: string; isAdmin: boolean };

/** What a thread is about: one proposal or one contract. */
export type Subject = { kind: 'proposal' | 'contract'; id: string };

/** The subject (job title or contract title) and both parties of a thread. */
const threadColumns = {
  id: messageThreads.id,
  proposalId: messageThreads.proposalId,
  contractId: messageThreads.contractId,
  workspaceId: messageThreads.workspaceId,
  freelancerId: messageThreads.freelancerId,
  clientOwnerId: clientWorkspaces.ownerId,
  workspaceName: clientWorkspaces.name,
  freelancerName: users.name,
  freelancerEmail: users.email,
  subject: sql<string>`coalesce(${contracts.title}, ${jobPosts.title})`,
  lastMessageAt: messageThreads.lastMessageAt,
};

function threadsWithSubject(db: DbOrTx) {
  return db
    .select(threadColumns)
    .from(messageThreads)
    .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, messageThreads.workspaceId))
    .innerJoin(users, eq(users.id, messageThreads.freelancerId))
    .leftJoin(contracts, eq(contracts.id, messageThreads.contractId))
    .leftJoin(proposals, eq(proposals.id, messageThreads.proposalId))
    .leftJoin(jobPosts, eq(jobPosts.id, proposals.jobPostId))
    .$dynamic();
}

export type ThreadRow = Awaited<ReturnType<typeof findThread>>;

export async function findThread(db: DbOrTx, threadId: string) {
  const [row] = await threadsWithSubject(db).where(eq(messageThreads.id, threadId));
  return row ?? null;
}

/** Whether ops may read this contract's thread: the contract has (or had) a dispute. */
export async function hasDispute(db: DbOrTx, contractId: string): Promise<boolean> {
  const [row] = await db
    .select({ yes: sql<boolean>`true` })
    .from(contracts)
    .where(
      and(
        eq(contracts.id, contractId),
        exists(db.select().from(disputes).where(eq(disputes.contractId, contractId))),
      ),
    );
  return row !== undefined;
}

/** The reader's threads, newest activity first, each with its unread count. */
export async function listThreadsOf(db: DbOrTx, userId: string) {
  const rows = await db
    .select({
      ...threadColumns,
      unread: sql<number>`(select count(*) from ${messages}
        left join ${messageReads} on ${messageReads.threadId} = ${messages.threadId}
          and ${messageReads.userId} = ${userId}
        where ${messages.threadId} = ${messageThreads.id} and ${isUnreadBy(userId)})`.mapWith(
        Number,
      ),
    })
    .from(messageThreads)
    .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, messageThreads.workspaceId))
    .innerJoin(users, eq(users.id, messageThreads.freelancerId))
    .leftJoin(contracts, eq(contracts.id, messageThreads.contractId))
    .leftJoin(proposals, eq(proposals.id, messageThreads.proposalId))
    .leftJoin(jobPosts, eq(jobPosts.id, proposals.jobPostId))
    .where(isThreadPartyOf(userId))
    .orderBy(sql`${messageThreads.lastMessageAt} desc nulls last`, desc(messageThreads.createdAt))
    .limit(200);
  return rows;
}

/** A thread's messages, oldest first, with each author's name. */
export async function listMessagesOf(db: DbOrTx, threadId: string) {
  return db
    .select({
      id: messages.id,
      authorId: messages.authorId,
      authorName: users.name,
      body: messages.body,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(eq(messages.threadId, threadId))
    .orderBy(asc(messages.createdAt), asc(messages.id))
    .limit(1000);
}

/** Moves the reader's marker forward (never back: a late request keeps the newer one). */
export async function markThreadRead(db: DbOrTx, threadId: string, userId: string, at: Date) {
  await db
    .insert(messageReads)
    .values({ threadId, userId, lastReadAt: at })
    .onConflictDoUpdate({
      target: [messageReads.threadId, messageReads.userId],
      set: { lastReadAt: sql`greatest(${messageReads.lastReadAt}, excluded.last_read_at)` },
    });
}

/**
 * The two sides of a proposal (the job's workspace, the bidder) or a contract, and what a
 * page names them by. Null when there is no such subject, or a contract offer nobody has
 * taken yet (no freelancer: nobody to talk to).
 */
export async function subjectOf(db: DbOrTx, subject: Subject) {
  const columns = {
    workspaceId: clientWorkspaces.id,
    clientOwnerId: clientWorkspaces.ownerId,
    workspaceName: clientWorkspaces.name,
    freelancerName: users.name,
    freelancerEmail: users.email,
  };
  if (subject.kind === 'contract') {
    const [row] = await db
      .select({ ...columns, freelancerId: users.id, title: contracts.title })
      .from(contracts)
      .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, contracts.workspaceId))
      .innerJoin(users, eq(users.id, contracts.freelancerId))
      .where(eq(contracts.id, subject.id));
    return row ?? null;
  }
  const [row] = await db
    .select({ ...columns, freelancerId: users.id, title: jobPosts.title })
    .from(proposals)
    .innerJoin(jobPosts, eq(jobPosts.id, proposals.jobPostId))
    .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, jobPosts.workspaceId))
    .innerJoin(users, eq(users.id, proposals.freelancerId))
    .where(eq(proposals.id, subject.id));
  return row ?? null;
}

/** The id of the subject's thread, if it was started. */
export async function threadIdOf(db: DbOrTx, subject: Subject): Promise<string | null> {
  const column =
    subject.kind === 'contract' ? messageThreads.contractId : messageThreads.proposalId;
  const [row] = await db
    .select({ id: messageThreads.id })
    .from(messageThreads)
    .where(eq(column, subject.id));
  return row?.id ?? null;
}
