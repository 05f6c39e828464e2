import { redirect } from 'next/navigation';
import { requireViewer, type Viewer } from '@/lib/auth/session';

/** For freelancer settings pages: payout, tax, profile and visibility belong to the freelancer side. */
export async function requireFreelancerViewer(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!viewer.isFreelancer) redirect('/welcome?add=freelancer');
  return viewer;
}
