import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { requireViewer } from '@/lib/auth/session';
import { findThreadOf } from '@/lib/messages/service';
import { startThreadAction } from './actions';
import { MessageForm } from './message-form';
import { otherSide, ThreadHeader } from './thread-header';

/**
 * The page of a proposal's or contract's conversation. It only reads: an existing thread
 * redirects to its page; before the first message a party sees the empty conversation,
 * whose form starts the thread (startThreadAction). Anyone else: not found.
 */
export async function ConversationPage({
  kind,
  id,
}: {
  kind: 'proposal' | 'contract';
  id: string;
}) {
  const viewer = await requireViewer();
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) notFound();
  const { db } = await getDatabase();
  const found = await findThreadOf(
    db,
    { userId: viewer.user.id, isAdmin: viewer.isAdmin },
    { kind, id: parsed.data },
  );
  if (!found) notFound();
  if (found.threadId !== null) redirect(`/messages/${found.threadId}`);
  return (
    <>
      <ThreadHeader
        title={found.subject.title}
        between={`With ${otherSide(viewer.user.id, found.subject)}`}
        contractId={kind === 'contract' ? parsed.data : null}
      />
      <p>No messages yet.</p>
      <MessageForm hidden={{ subject: kind, subjectId: parsed.data }} action={startThreadAction} />
    </>
  );
}
