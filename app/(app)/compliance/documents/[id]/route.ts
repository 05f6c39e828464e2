import { getDatabase } from '@/db';
import { loadActorOf } from '@/lib/actions/actor';
import { privateFileDownload, privateFileNotFound } from '@/lib/files/private-download';
import { openDocument } from '@/lib/compliance/review';

type Params = { params: Promise<{ id: string }> };

/**
 * A compliance document, as an attachment, for the freelancer who uploaded it and for ops
 * reviewers only. Every download is written to the audit log.
 */
export async function GET(_request: Request, { params }: Params) {
  const { id } = await params;
  // Signed in is enough to ask: the service lets only the uploader and ops reviewers read it.
  const actor = await loadActorOf('signed-in');
  if (!actor) return privateFileNotFound();
  const { db } = await getDatabase();
  const doc = await openDocument(db, {
    requester: { id: actor.userId, isAdmin: actor.viewer.isAdmin },
    documentId: id,
    ip: actor.ip,
  });
  if (!doc) return privateFileNotFound();
  return privateFileDownload(doc);
}
