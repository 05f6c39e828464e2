import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  clientWorkspaces,
  contracts,
  jobPosts,
  messageThreads,
  messages,
  proposals,
} from '@/db/schema';
import { now } from '@/lib/clock';
import {
  findThread,
  hasDispute,
  listMessagesOf,
  markThreadRead,
  type Reader,
  type ThreadRow,
} from './queries';
import type { PostMessageInput } from './schemas';

export const THREAD_NOT_FOUND = 'This conversation was not found.';

type Subject = { kind: 'proposal' | 'contract'; id: string };
type Parties = { workspaceId: string; ownerId: string; freelancerId: string };

/** The two sides of a proposal (the job's workspace, the bidder) or a contract. */
async function partiesOf(db: DbOrTx, subject: Subject): Promise<Parties | null> {
  if (subject.kind === 'contract') {
    const [row] = await db
      .select({
        workspaceId: contracts.workspaceId,
        ownerId: clientWorkspaces.ownerId,
        freelancerId: contracts.freelancerId,
      })
      .from(contracts)
      .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, contracts.workspaceId))
      .where(eq(contracts.id, subject.id));
    // An offer nobody has taken yet has no freelancer: nobody to talk to.
    return row?.freelancerId ? { ...row, freelancerId: row.freelancerId } : null;
  }
  const [row] = await db
    .select({
      workspaceId: jobPosts.workspaceId,
      ownerId: clientWorkspaces.ownerId,
      freelancerId: proposals.freelancerId,
    })
    .from(proposals)
    .innerJoin(jobPosts, eq(jobPosts.id, proposals.jobPostId))
    .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, jobPosts.workspaceId))
    .where(eq(proposals.id, subject.id));
  return row ?? null;
}

const isParty = (reader: Reader, p: { clientOwnerId: string; freelancerId: string }) =>
  reader.userId === p.clientOwnerId || reader.userId === p.freelancerId;

function subjectColumn(subject: Subject) {
  return subject.kind === 'contract' ? messageThreads.contractId : messageThreads.proposalId;
}

/**
 * The thread of a proposal or contract, started on first use. Only its two parties may
 * start or open it; anyone else (ops included) is told it does not exist. Two first
 * visits at once both land on one thread: the unique index keeps the second insert out.
 */
export async function openThreadOf(
  db: DbOrTx,
  reader: Reader,
  subject: Subject,
): Promise<{ ok: true; threadId: string } | { ok: false; message: string }> {
  const parties = await partiesOf(db, subject);
  if (!parties) {
    return { ok: false, message: THREAD_NOT_FOUND };
  }
  const column = subjectColumn(subject);
  if (!isParty(reader, { clientOwnerId: parties.ownerId, freelancerId: parties.freelancerId })) {
    // Ops reads a disputed contract's thread that exists; it never starts one.
    if (reader.isAdmin && subject.kind === 'contract' && (await hasDispute(db, subject.id))) {
      const [existing] = await db
        .select({ id: messageThreads.id })
        .from(messageThreads)
        .where(eq(column, subject.id));
      if (existing) return { ok: true, threadId: existing.id };
    }
    return { ok: false, message: THREAD_NOT_FOUND };
  }
  await db
    .insert(messageThreads)
    .values({
      proposalId: subject.kind === 'proposal' ? subject.id : null,
      contractId: subject.kind === 'contract' ? subject.id : null,
      workspaceId: parties.workspaceId,
      freelancerId: parties.freelancerId,
      createdAt: now(),
    })
    .onConflictDoNothing();
  const [thread] = await db
    .select({ id: messageThreads.id })
    .from(messageThreads)
    .where(eq(column, subject.id));
  return { ok: true, threadId: thread.id };
}

export type ThreadAccess = { thread: NonNullable<ThreadRow>; readOnly: boolean };

/** The thread if the reader is a party (or ops on a disputed contract, read-only). */
export async function loadThreadFor(
  db: DbOrTx,
  reader: Reader,
  threadId: string,
): Promise<ThreadAccess | null> {
  const thread = await findThread(db, threadId);
  if (!thread) return null;
  if (isParty(reader, thread)) return { thread, readOnly: false };
  if (reader.isAdmin && thread.contractId && (await hasDispute(db, thread.contractId))) {
    return { thread, readOnly: true };
  }
  return null;
}

/** A thread and its messages as the reader sees them; a party's view marks it read. */
export async function viewThread(db: DbOrTx, reader: Reader, threadId: string) {
  const access = await loadThreadFor(db, reader, threadId);
  if (!access) return null;
  const list = await listMessagesOf(db, threadId);
  if (!access.readOnly) await markThreadRead(db, threadId, reader.userId, now());
  return { ...access, messages: list };
}

/** Posts a message as a party; the thread's time and the author's read marker move. */
export async function postMessage(
  db: DbOrTx,
  reader: Reader,
  input: PostMessageInput,
): Promise<{ ok: true; messageId: string } | { ok: false; message: string }> {
  const access = await loadThreadFor(db, reader, input.threadId);
  if (!access || access.readOnly) return { ok: false, message: THREAD_NOT_FOUND };
  const at = now();
  const messageId = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(messages)
      .values({
        threadId: input.threadId,
        authorId: reader.userId,
        body: input.body,
        createdAt: at,
      })
      .returning({ id: messages.id });
    await tx
      .update(messageThreads)
      .set({ lastMessageAt: at })
      .where(and(eq(messageThreads.id, input.threadId)));
    await markThreadRead(tx, input.threadId, reader.userId, at);
    return row.id;
  });
  return { ok: true, messageId };
}
