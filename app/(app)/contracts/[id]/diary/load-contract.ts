import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { requireViewer } from '@/lib/auth/session';
import { findContractForViewer } from '@/lib/contracts/access';

/**
 * The diary's contract for the signed-in viewer: its freelancer (who writes), its client or
 * ops (who read). Anyone else, an unknown id and a fixed-price contract all get the 404.
 */
export async function loadDiaryContract(id: string) {
  const viewer = await requireViewer();
  if (!z.uuid().safeParse(id).success) notFound();
  const { db } = await getDatabase();
  const found = await findContractForViewer(db, id, {
    userId: viewer.user.id,
    workspaceId: viewer.workspace?.id ?? null,
    isAdmin: viewer.isAdmin,
  });
  if (!found || found.contract.kind !== 'hourly') notFound();
  return { db, viewer, ...found };
}
