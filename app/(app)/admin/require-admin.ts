import { notFound } from 'next/navigation';
import { getViewer, type Viewer } from '@/lib/auth/session';
import type { Requester } from '@/lib/compliance/review';

/**
 * Admin pages do not exist for anyone but ops reviewers: signed out and signed-in
 * non-admins alike get the ordinary 404, so the area does not reveal itself.
 */
export async function requireAdmin(): Promise<{ viewer: Viewer; requester: Requester }> {
  const viewer = await getViewer();
  if (!viewer?.isAdmin) notFound();
  return { viewer, requester: { id: viewer.user.id, isAdmin: viewer.isAdmin } };
}
