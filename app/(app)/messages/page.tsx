import Link from 'next/link';
import { getDatabase } from '@/db';
import { PageHeader } from '@/components/ui/page-header';
import { requireViewer } from '@/lib/auth/session';
import { formatDateAndTime } from '@/lib/dates/format';
import { listThreadsOf } from '@/lib/messages/queries';

/** The signed-in person's threads (both sides), newest activity first. */
export default async function MessagesPage() {
  const viewer = await requireViewer();
  const { db } = await getDatabase();
  const threads = await listThreadsOf(db, viewer.user.id);
  return (
    <>
      <PageHeader title="Messages" />
      {threads.length === 0 ? (
        <p>
          No conversations yet. Open one from a contract or a proposal with its “Messages” link.
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">With</th>
              <th scope="col">Unread</th>
              <th scope="col">Last message</th>
            </tr>
          </thead>
          <tbody>
            {threads.map((t) => (
              <tr key={t.id}>
                <td>
                  <Link href={`/messages/${t.id}`}>{t.subject}</Link>
                </td>
                <td>
                  {viewer.user.id === t.freelancerId
                    ? t.workspaceName
                    : (t.freelancerName ?? t.freelancerEmail)}
                </td>
                <td>{t.unread > 0 ? <strong>{t.unread}</strong> : 0}</td>
                <td>{t.lastMessageAt ? formatDateAndTime(t.lastMessageAt, 'UTC') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
