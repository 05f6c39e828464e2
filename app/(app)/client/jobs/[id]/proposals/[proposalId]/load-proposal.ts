import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { requireClient } from '@/lib/auth/session';
import { findProposalForClient } from '@/lib/proposals/client';
import { freelancerName } from '@/lib/proposals/client-view';

/**
 * The proposal of the route's job for the signed-in client, as its pages (detail, decline,
 * offer) show it; another workspace's proposal, or one of another job, is a 404.
 */
export async function loadClientProposal(params: Promise<{ id: string; proposalId: string }>) {
  const client = await requireClient();
  const { id, proposalId } = await params;
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(proposalId).success) notFound();
  const { db } = await getDatabase();
  const found = await findProposalForClient(db, client.inviter.workspaceId, proposalId);
  if (!found || found.job.id !== id) notFound();
  return {
    ...client,
    db,
    found,
    name: freelancerName(found.firstName, found.lastName),
    base: `/client/jobs/${id}/proposals/${proposalId}`,
  };
}
