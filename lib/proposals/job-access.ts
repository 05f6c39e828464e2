import type { DbOrTx } from '@/db/client';
import { now } from '@/lib/clock';
import { findJobPostById, type JobPostRow } from '@/lib/job-posts/queries';
import { canSeeJobPost, isJobPostOwner } from '@/lib/job-posts/visibility';

export type JobAccess =
  | { ok: true; job: JobPostRow }
  | { ok: false; reason: 'not_found'; message: string }
  /** Refusals of a job the freelancer may see: the page still shows which job it is. */
  | { ok: false; reason: 'own' | 'closed' | 'expired'; message: string; job: JobPostRow };

export const JOB_NOT_FOUND = 'We could not find that job.';

/**
 * Whether `freelancerId` may propose to the job, and why not. Who may see it is
 * lib/job-posts' visibility reader; on top of it only the proposal rules: never the job's own
 * client, and only while it is open and before its expires_at (the tick may not have marked
 * it expired yet).
 */
export async function findJobOpenToFreelancer(
  db: DbOrTx,
  jobPostId: string,
  freelancerId: string,
): Promise<JobAccess> {
  const post = await findJobPostById(db, jobPostId);
  const notFound = { ok: false as const, reason: 'not_found' as const, message: JOB_NOT_FOUND };
  if (!post) return notFound;
  // A closed or expired post is shown only to its owner and its proposers; someone it was
  // open to (say, with the form still open when the client closed it) is told it closed
  // rather than "not found", so the audience is asked of the post as it was while open.
  const ended = post.status === 'closed' || post.status === 'expired';
  if (!(await canSeeJobPost(db, freelancerId, ended ? { ...post, status: 'open' } : post)))
    return notFound;
  if (post.status === 'draft') return notFound;
  if (await isJobPostOwner(db, freelancerId, post))
    return {
      ok: false,
      reason: 'own',
      job: post,
      message: 'This is your own job post: you cannot propose to it.',
    };
  if (post.status === 'closed')
    return {
      ok: false,
      reason: 'closed',
      job: post,
      message: 'This job is closed and no longer takes proposals.',
    };
  if (post.status === 'expired' || !post.expiresAt || post.expiresAt <= now())
    return {
      ok: false,
      reason: 'expired',
      job: post,
      message: 'This job has expired and no longer takes proposals.',
    };
  return { ok: true, job: post };
}
