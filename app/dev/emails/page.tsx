import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EMAIL_PREVIEWS } from '@/emails/previews';
import { isMailboxEnabled } from '@/lib/email/mailbox';

export const metadata: Metadata = { title: 'Email previews', robots: { index: false } };

export default function EmailPreviewsPage() {
  if (!isMailboxEnabled()) notFound();
  return (
    <>
      <h1>Email previews</h1>
      <p className="muted">
        Each template rendered with its preview data, as HTML and as plain text.
      </p>
      <ul>
        {Object.entries(EMAIL_PREVIEWS).map(([name, { title }]) => (
          <li key={name}>
            {title}: <a href={`/dev/emails/${name}`}>HTML</a> ·{' '}
            <a href={`/dev/emails/${name}?format=text`}>plain text</a>
          </li>
        ))}
      </ul>
    </>
  );
}
