import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import { extractLinks, getMailboxMessage, isMailboxEnabled } from '@/lib/email/mailbox';

export const metadata: Metadata = { title: 'Message', robots: { index: false } };

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!isMailboxEnabled()) notFound();
  const { id } = await params;
  const { db } = await getDatabase();
  const message = await getMailboxMessage(db, id);
  if (!message) notFound();
  const links = extractLinks(message.html);
  return (
    <>
      <p>
        <Link href="/dev/mail">Back to the mailbox</Link>
      </p>
      <h1>{message.subject}</h1>
      <dl>
        <dt>From</dt>
        <dd>{message.fromAddress}</dd>
        <dt>To</dt>
        <dd>{message.toAddress}</dd>
      </dl>
      <p>
        <a href={`/dev/mail/${message.id}/html`}>Open the rendered HTML message</a>
      </p>
      <section aria-labelledby="links-heading" className="card">
        <h2 id="links-heading">Links in this message</h2>
        <ul>
          {links.map((href) => (
            <li key={href}>
              <a href={href}>{href}</a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="text-heading">
        <h2 id="text-heading">Plain-text part</h2>
        <pre className="mail">{message.text}</pre>
      </section>
    </>
  );
}
