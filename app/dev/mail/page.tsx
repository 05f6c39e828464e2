import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import { isMailboxEnabled, listMailbox } from '@/lib/email/mailbox';

export const metadata: Metadata = { title: 'Local mailbox', robots: { index: false } };

export default async function MailboxPage({
  searchParams,
}: {
  searchParams: Promise<{ to?: string }>;
}) {
  if (!isMailboxEnabled()) notFound();
  const { to } = await searchParams;
  const { db } = await getDatabase();
  const messages = await listMailbox(db, { to: to?.trim().toLowerCase() || undefined });
  return (
    <>
      <h1>Local mailbox</h1>
      <p className="muted">
        Every email the app sends lands here while no RESEND_API_KEY is set. Newest first.
      </p>
      <form method="get" className="card">
        <div className="field">
          <label htmlFor="to">Only messages to</label>
          <input id="to" name="to" type="email" defaultValue={to ?? ''} />
        </div>
        <button type="submit" className="secondary">
          Filter
        </button>
      </form>
      {messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <table>
          <caption className="muted">{messages.length} messages</caption>
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Received</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{m.toAddress}</td>
                <td>
                  <Link href={`/dev/mail/${m.id}`}>{m.subject}</Link>
                </td>
                <td>
                  <time dateTime={m.createdAt.toISOString()}>{m.createdAt.toUTCString()}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
