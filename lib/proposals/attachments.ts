// The files a freelancer sent with a proposal (SPEC 5: optional attachments).
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { jobPosts, proposalAttachments, proposals, storedFiles } from '@/db/schema';
import { recordAudit } from '@/lib/audit/log';
import { isUuid } from '@/lib/text/uuid';

export type ProposalFile = { id: string; fileName: string; mimeType: string; sizeBytes: number };

/** Who asks for a file, as the session knows them. */
export type ProposalFileViewer = { userId: string; workspaceId: string | null; isAdmin: boolean };

/** A proposal's files, oldest first (callers scope the proposal to the viewer first). */
export async function listProposalFiles(db: DbOrTx, proposalId: string): Promise<ProposalFile[]> {
  return db
    .select({
      id: storedFiles.id,
      fileName: storedFiles.fileName,
      mimeType: storedFiles.mimeType,
      sizeBytes: storedFiles.sizeBytes,
    })
    .from(proposalAttachments)
    .innerJoin(storedFiles, eq(storedFiles.id, proposalAttachments.fileId))
    .where(eq(proposalAttachments.proposalId, proposalId))
    .orderBy(proposalAttachments.createdAt, storedFiles.fileName);
}

/**
 * A file of the proposal for the freelancer who sent it, the job's owner workspace and ops;
 * anyone else, and a file of another proposal, get null (the 404 of an unknown id).
 * Every download is written to the audit log.
 */
export async function openProposalFile(
  db: DbOrTx,
  input: { proposalId: string; fileId: string; viewer: ProposalFileViewer; ip?: string | null },
) {
  if (!isUuid(input.proposalId) || !isUuid(input.fileId)) return null;
  const [row] = await db
    .select({
      file: storedFiles,
      freelancerId: proposals.freelancerId,
      workspaceId: jobPosts.workspaceId,
    })
    .from(proposalAttachments)
    .innerJoin(proposals, eq(proposals.id, proposalAttachments.proposalId))
    .innerJoin(jobPosts, eq(jobPosts.id, proposals.jobPostId))
    .innerJoin(storedFiles, eq(storedFiles.id, proposalAttachments.fileId))
    .where(
      and(
        eq(proposalAttachments.proposalId, input.proposalId),
        eq(proposalAttachments.fileId, input.fileId),
      ),
    );
  if (!row) return null;
  const { viewer } = input;
  const side =
    row.freelancerId === viewer.userId
      ? 'freelancer'
      : viewer.workspaceId !== null && row.workspaceId === viewer.workspaceId
        ? 'client'
        : viewer.isAdmin
          ? 'ops'
          : null;
  if (!side) return null;
  await recordAudit(db, {
    actorId: viewer.userId,
    action: 'proposal.file_downloaded',
    targetType: 'proposal',
    targetId: input.proposalId,
    ip: input.ip ?? null,
    detail: `${side}: ${row.file.fileName}`,
  });
  return row.file;
}
