import { redirect } from 'next/navigation';
import { getDatabase } from '@/db';
import { findSessionSignedInAt, type Actor } from '@/lib/accounts/recent-sign-in';
import { loadViewer, readSessionCookie, requireViewer, type Viewer } from '@/lib/auth/session';
import { clientIp } from '@/lib/server/request';

export const SIGNED_OUT = 'Your session has ended. Please sign in again.';

/** For freelancer settings pages: payout, tax, profile and visibility belong to the freelancer side. */
export async function requireFreelancerViewer(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!viewer.isFreelancer) redirect('/welcome?add=freelancer');
  return viewer;
}

/**
 * For server actions: the signed-in person looked up afresh, with the sign-in time of this
 * browser's session (the recent-sign-in rule needs it). Null when signed out.
 */
export async function loadActor(options: { freelancer: boolean }): Promise<Actor | null> {
  const viewer = await loadViewer();
  if (!viewer || (options.freelancer && !viewer.isFreelancer)) return null;
  const { db } = await getDatabase();
  const signedInAt = await findSessionSignedInAt(db, viewer.user.id, await readSessionCookie());
  return { userId: viewer.user.id, email: viewer.user.email, signedInAt, ip: await clientIp() };
}
