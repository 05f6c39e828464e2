import { getDatabase } from '@/db';
import { loadActorOf } from '@/lib/actions/actor';
import { attachmentDisposition } from '@/lib/compliance/documents';
import { openMilestoneFile } from '@/lib/milestones/submission';
import { contractViewerOf } from '@/lib/milestones/work-state';

type Params = { params: Promise<{ id: string; milestoneId: string; fileId: string }> };

/** Never cached by a browser or a proxy, and never rendered as anything but what it is. */
const PRIVATE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...PRIVATE_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  });
}

/**
 * A file sent with a milestone submission, as an attachment, for the contract's client, its
 * freelancer and ops only; the same 404 for everyone else and for an unknown id. Audited.
 */
export async function GET(_request: Request, { params }: Params) {
  const { id, milestoneId, fileId } = await params;
  const actor = await loadActorOf('signed-in');
  if (!actor) return notFound();
  const { db } = await getDatabase();
  const file = await openMilestoneFile(db, {
    contractId: id,
    milestoneId,
    fileId,
    viewer: contractViewerOf(actor.viewer),
    ip: actor.ip,
  });
  if (!file) return notFound();
  return new Response(new Uint8Array(file.data), {
    status: 200,
    headers: {
      ...PRIVATE_HEADERS,
      'content-type': file.mimeType,
      'content-length': String(file.data.length),
      'content-disposition': attachmentDisposition(file.fileName),
    },
  });
}
