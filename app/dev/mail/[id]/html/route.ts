import { getDatabase } from '@/db';
import { getMailboxMessage, isMailboxEnabled } from '@/lib/email/mailbox';

/** The message exactly as rendered, in its own locked-down document. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isMailboxEnabled()) return new Response('Not found', { status: 404 });
  const { id } = await params;
  const { db } = await getDatabase();
  const message = await getMailboxMessage(db, id);
  if (!message) return new Response('Not found', { status: 404 });
  return new Response(message.html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}
