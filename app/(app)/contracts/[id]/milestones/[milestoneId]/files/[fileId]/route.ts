import { getDatabase } from '@/db';
import { loadActorOf } from '@/lib/actions/actor';
import { privateFileDownload, privateFileNotFound } from '@/lib/files/private-download';
import { openMilestoneFile } from '@/lib/milestones/submission';
import { contractViewerOf } from '@/lib/milestones/work-state';

type Params = { params: Promise<{ id: string; milestoneId: string; fileId: string }> };

/**
 * A file sent with a milestone submission, as an attachment, for the contract's client, its
 * freelancer and ops only; the same 404 for everyone else and for an unknown id. Audited.
 */
export async function GET(_request: Request, { params }: Params) {
  const { id, milestoneId, fileId } = await params;
  const actor = await loadActorOf('signed-in');
  if (!actor) return privateFileNotFound();
  const { db } = await getDatabase();
  const file = await openMilestoneFile(db, {
    contractId: id,
    milestoneId,
    fileId,
    viewer: contractViewerOf(actor.viewer),
    ip: actor.ip,
  });
  if (!file) return privateFileNotFound();
  return privateFileDownload(file);
}
