import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { messageThreads, messages } from '@/db/schema';
import { now } from '@/lib/clock';
import {
  findThread,
  hasDispute,
  listMessagesOf,
  markThreadRead,
  subjectOf,
  threadIdOf,
  type Reader,
  type Subject,
  type ThreadRow,
} from './queries';
import type { PostMessageInput, StartThreadInput } from './schemas';

export const THREAD_NOT_FOUND = 'This conversation was not found.';

const isParty = (reader: Reader, p: { clientOwnerId: string; freelancerId: string }) =>
  reader.userId === p.clientOwnerId || reader.userId === p.freelancerId;

export type SubjectView = NonNullable<Awaited<ReturnType<typeof subjectOf>>>;

/**
 * Where a proposal's or contract's conversation is, read only (a GET page asks): its thread,
 * or for a party, the subject itself when nobody has written yet (the first message starts
 * the thread: startThread). Ops open a disputed contract's thread that exists, never a new
 * one; anyone else is told it does not exist (null).
 */
export async function findThreadOf(
  db: DbOrTx,
  reader: Reader,
  subject: Subject,
): Promise<{ threadId: string } | { threadId: null; subject: SubjectView } | null> {
  const found = await subjectOf(db, subject);
  if (!found) return null;
  const threadId = await threadIdOf(db, subject);
  if (isParty(reader, found)) {
    return threadId ? { threadId } : { threadId: null, subject: found };
  }
  if (threadId && reader.isAdmin && subject.kind === 'contract') {
    if (await hasDispute(db, subject.id)) return { threadId };
  }
  return null;
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
  const messageId = await db.transaction((tx) =>
    appendMessage(tx, input.threadId, reader.userId, input.body),
  );
  return { ok: true, messageId };
}

/**
 * The first message of a proposal's or contract's conversation, from one of its two parties:
 * the thread is found or made and the message posted in one transaction, so a refused or
 * failed message leaves no empty thread. Two first messages at once land on one thread: the
 * unique index keeps the second insert out and its read finds the first one's row.
 */
export async function startThread(
  db: DbOrTx,
  reader: Reader,
  input: StartThreadInput,
): Promise<{ ok: true; threadId: string } | { ok: false; message: string }> {
  const subject: Subject = { kind: input.subject, id: input.subjectId };
  return db.transaction(async (tx) => {
    const found = await subjectOf(tx, subject);
    // Ops never start a thread: only the parties may, even on a disputed contract.
    if (!found || !isParty(reader, found)) {
      return { ok: false, message: THREAD_NOT_FOUND };
    }
    await tx
      .insert(messageThreads)
      .values({
        proposalId: subject.kind === 'proposal' ? subject.id : null,
        contractId: subject.kind === 'contract' ? subject.id : null,
        workspaceId: found.workspaceId,
        freelancerId: found.freelancerId,
        createdAt: now(),
      })
      .onConflictDoNothing();
    // This insert or the one it lost to made the row, so the read finds it.
    const threadId = (await threadIdOf(tx, subject))!;
    await appendMessage(tx, threadId, reader.userId, input.body);
    return { ok: true, threadId };
  });
}

/** A message in a thread: the thread's time and the author's read marker move with it. */
async function appendMessage(tx: DbOrTx, threadId: string, authorId: string, body: string) {
  const at = now();
  const [row] = await tx
    .insert(messages)
    .values({ threadId, authorId, body, createdAt: at })
    .returning({ id: messages.id });
  await tx.update(messageThreads).set({ lastMessageAt: at }).where(eq(messageThreads.id, threadId));
  await markThreadRead(tx, threadId, authorId, at);
  return row.id;
}
