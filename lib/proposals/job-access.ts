import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { clientWorkspaces, jobPostInvitations, jobPosts } from '@/db/schema';
import { now } from '@/lib/clock';

export type ProposableJob = typeof jobPosts.$inferSelect & { ownerId: string };

/**
 * Whether `freelancerId` may propose to the job, and why not. A stand-in for lib/job-posts'
 * visibility reader (the lead swaps it at merge): open, not past expires_at, and public or
 * with an invitation row for this freelancer; never the job's own client.
 */
export async function findJobOpenToFreelancer(
  db: DbOrTx,
  jobPostId: string,
  freelancerId: string,
): Promise<{ ok: true; job: ProposableJob } | { ok: false; message: string }> {
  const [row] = await db
    .select({ job: jobPosts, ownerId: clientWorkspaces.ownerId })
    .from(jobPosts)
    .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, jobPosts.workspaceId))
    .where(eq(jobPosts.id, jobPostId));
  const notFound = { ok: false as const, message: 'We could not find that job.' };
  if (!row || row.job.status === 'draft') return notFound;
  if (row.job.visibility === 'invite_only') {
    const [invited] = await db
      .select({ id: jobPostInvitations.jobPostId })
      .from(jobPostInvitations)
      .where(
        and(
          eq(jobPostInvitations.jobPostId, jobPostId),
          eq(jobPostInvitations.freelancerId, freelancerId),
        ),
      );
    if (!invited && row.ownerId !== freelancerId) return notFound;
  }
  if (row.ownerId === freelancerId)
    return { ok: false, message: 'This is your own job post: you cannot propose to it.' };
  if (row.job.status === 'closed')
    return { ok: false, message: 'This job is closed and no longer takes proposals.' };
  if (row.job.status === 'expired' || !row.job.expiresAt || row.job.expiresAt <= now())
    return { ok: false, message: 'This job has expired and no longer takes proposals.' };
  return { ok: true, job: { ...row.job, ownerId: row.ownerId } };
}
