import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { MessageBody } from '@/components/messages/message-body';
import { requireViewer } from '@/lib/auth/session';
import { formatDateAndTime } from '@/lib/dates/format';
import { segmentMessage } from '@/lib/messages/links';
import { viewThread } from '@/lib/messages/service';
import { postMessageAction } from '../actions';
import { MessageForm } from '../message-form';
import { otherSide, ThreadHeader } from '../thread-header';

/**
 * One thread, oldest message first, and the reply box. Viewing marks it read; ops reading a
 * disputed contract's thread see it without the box and leave no read marker.
 */
export default async function ThreadPage({ params }: { params: Promise<{ threadId: string }> }) {
  const viewer = await requireViewer();
  const parsed = z.uuid().safeParse((await params).threadId);
  if (!parsed.success) notFound();
  const { db } = await getDatabase();
  const seen = await viewThread(
    db,
    { userId: viewer.user.id, isAdmin: viewer.isAdmin },
    parsed.data,
  );
  if (!seen) notFound();
  const { thread, readOnly, messages } = seen;
  return (
    <>
      <ThreadHeader
        title={thread.subject}
        between={
          readOnly
            ? `Between ${thread.workspaceName} and ${thread.freelancerName ?? thread.freelancerEmail} (read-only, for the dispute)`
            : `With ${otherSide(viewer.user.id, thread)}`
        }
        contractId={thread.contractId}
      />
      {messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ol aria-label="Messages" style={{ listStyle: 'none', padding: 0 }}>
          {messages.map((m, i) => (
            <li key={m.id} id={i === messages.length - 1 ? 'latest' : undefined}>
              <p>
                <strong>{m.authorId === viewer.user.id ? 'You' : (m.authorName ?? 'Them')}</strong>{' '}
                <time dateTime={m.createdAt.toISOString()}>
                  {formatDateAndTime(m.createdAt, 'UTC')}
                </time>
              </p>
              <MessageBody segments={segmentMessage(m.body)} />
            </li>
          ))}
        </ol>
      )}
      {!readOnly && <MessageForm hidden={{ threadId: thread.id }} action={postMessageAction} />}
    </>
  );
}
