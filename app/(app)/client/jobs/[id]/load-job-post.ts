import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { requireClient } from '@/lib/auth/session';
import { findWorkspaceJobPost } from '@/lib/job-posts/queries';

/**
 * The route's job post for the signed-in client, as its pages (detail, edit, close,
 * proposals) show it: scoped to the client's workspace, so another workspace's post, like a
 * malformed id, is a 404.
 */
export async function loadClientJobPost(params: Promise<{ id: string }>) {
  const client = await requireClient();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { db } = await getDatabase();
  const post = await findWorkspaceJobPost(db, client.inviter.workspaceId, id);
  if (!post) notFound();
  return { ...client, db, post };
}
