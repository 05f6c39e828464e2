import { getDatabase } from '@/db';
import { loadActorOf } from '@/lib/actions/actor';
import { privateFileDownload, privateFileNotFound } from '@/lib/files/private-download';
import { openProposalFile } from '@/lib/proposals/attachments';

type Params = { params: Promise<{ id: string; fileId: string }> };

/**
 * A file sent with a proposal, as an attachment, for the freelancer who sent it, the job's
 * owner workspace and ops only; the same 404 for everyone else and for an unknown id. Audited.
 */
export async function GET(_request: Request, { params }: Params) {
  const { id, fileId } = await params;
  const actor = await loadActorOf('signed-in');
  if (!actor) return privateFileNotFound();
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
  if (!file) return privateFileNotFound();
  return privateFileDownload(file);
}
