/**
 * Who may see a job post (SPEC 5), the one reader other domains (search, proposals) use:
 * - a draft: only its owner workspace;
 * - open and public: anyone, signed out too;
 * - open and invite-only: the owner workspace and the freelancers it invited;
 * - closed or expired: the owner workspace and freelancers who sent a proposal to it.
 * Everyone else gets "not found" (a 404), never "forbidden": an id tells them nothing.
 */
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import {
  findJobPostById,
  findOwnedWorkspaceId,
  hasProposed,
  isInvited,
  type JobPostRow,
} from './queries';

/** Whether the viewer (a user id, or null when signed out) owns the post's workspace. */
export async function isJobPostOwner(
  db: DbOrTx,
  viewerUserId: string | null,
  post: Pick<JobPostRow, 'workspaceId'>,
): Promise<boolean> {
  if (!viewerUserId) return false;
  return (await findOwnedWorkspaceId(db, viewerUserId)) === post.workspaceId;
}

export async function canSeeJobPost(
  db: DbOrTx,
  viewerUserId: string | null,
  post: Pick<JobPostRow, 'id' | 'workspaceId' | 'status' | 'visibility'>,
): Promise<boolean> {
  if (post.status === 'open' && post.visibility === 'public') return true;
  if (!viewerUserId) return false;
  if (await isJobPostOwner(db, viewerUserId, post)) return true;
  if (post.status === 'draft') return false;
  if (post.status === 'open') return isInvited(db, post.id, viewerUserId);
  return hasProposed(db, post.id, viewerUserId);
}

/** The post when this viewer may see it, else null (answer 404). */
export async function findVisibleJobPost(
  db: DbOrTx,
  viewerUserId: string | null,
  id: string,
): Promise<JobPostRow | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const post = await findJobPostById(db, id);
  if (!post) return null;
  return (await canSeeJobPost(db, viewerUserId, post)) ? post : null;
}
