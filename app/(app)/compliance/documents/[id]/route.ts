import { getDatabase } from '@/db';
import { loadActorOf } from '@/lib/actions/actor';
import { attachmentDisposition } from '@/lib/compliance/documents';
import { openDocument } from '@/lib/compliance/review';

type Params = { params: Promise<{ id: string }> };

/** Never cached by a browser or a proxy, and never rendered as anything but what it is. */
const PRIVATE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/** The same answer for an unknown id, someone else's document and a signed-out visitor. */
function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...PRIVATE_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  });
}

/**
 * A compliance document, as an attachment, for the freelancer who uploaded it and for ops
 * reviewers only. Every download is written to the audit log.
 */
export async function GET(_request: Request, { params }: Params) {
  const { id } = await params;
  // Signed in is enough to ask: the service lets only the uploader and ops reviewers read it.
  const actor = await loadActorOf('signed-in');
  if (!actor) return notFound();
  const { db } = await getDatabase();
  const doc = await openDocument(db, {
    requester: { id: actor.userId, isAdmin: actor.viewer.isAdmin },
    documentId: id,
    ip: actor.ip,
  });
  if (!doc) return notFound();
  return new Response(new Uint8Array(doc.data), {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      'content-type': doc.mimeType,
      'content-length': String(doc.data.length),
      'content-disposition': attachmentDisposition(doc.fileName),
    },
  });
}
