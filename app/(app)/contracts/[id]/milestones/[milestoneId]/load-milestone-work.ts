import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import { requireViewer } from '@/lib/auth/session';
import { contractViewerOf, findMilestoneWork } from '@/lib/milestones/work-state';

export type MilestoneParams = { params: Promise<{ id: string; milestoneId: string }> };

/**
 * The milestone of a page under /contracts/[id]/milestones/[milestoneId]: signed in, and the
 * contract's client, freelancer or ops; anyone else (and an unknown id) gets the 404.
 */
export async function loadMilestoneWork({ params }: MilestoneParams) {
  const viewer = await requireViewer();
  const { id, milestoneId } = await params;
  const { db } = await getDatabase();
  const work = await findMilestoneWork(db, {
    contractId: id,
    milestoneId,
    viewer: contractViewerOf(viewer),
  });
  if (!work) notFound();
  return { db, viewer, work };
}
