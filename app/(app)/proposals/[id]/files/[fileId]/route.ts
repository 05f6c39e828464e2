import { getDatabase } from '@/db';
import { loadActorOf } from '@/lib/actions/actor';
import { attachmentDisposition } from '@/lib/compliance/documents';
import { openProposalFile } from '@/lib/proposals/attachments';

type Params = { params: Promise<{ id: string; fileId: string }> };

/** Never cached by a browser or a proxy, and never rendered as anything but what it is. */
const PRIVATE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...PRIVATE_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  });
}

/**
 * A file sent with a proposal, as an attachment, for the freelancer who sent it, the job's
 * owner workspace and ops only; the same 404 for everyone else and for an unknown id. Audited.
 */
export async function GET(_request: Request, { params }: Params) {
  const { id, fileId } = await params;
  const actor = await loadActorOf('signed-in');
  if (!actor) return notFound();
  const { db } = await getDatabase();
  const file = await openProposalFile(db, {
    proposalId: id,
    fileId,
    viewer: {
      userId: actor.viewer.user.id,
      workspaceId: actor.viewer.workspace?.id ?? null,
      isAdmin: actor.viewer.isAdmin,
    },
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
