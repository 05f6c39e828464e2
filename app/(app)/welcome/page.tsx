import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { homeFor } from '@/lib/accounts/service';
import { requireViewer } from '@/lib/auth/session';
import { TIME_ZONES } from '@/lib/geo/time-zones';
import { ChooseSideForm } from './choose-side-form';

export const metadata: Metadata = { title: 'Welcome' };

export default async function WelcomePage({
  searchParams,
}: {
  searchParams: Promise<{ add?: string }>;
}) {
  const viewer = await requireViewer();
  const { add } = await searchParams;
  // Ops with no side of their own have the review queue as home; ?add= still lets them pick.
  if ((viewer.user.activeSide || viewer.isAdmin) && add !== 'client' && add !== 'freelancer') {
    redirect(homeFor(viewer.user.activeSide, { isAdmin: viewer.isAdmin }));
  }
  return (
    <>
      <h1>Welcome to Workbridge</h1>
      <p>One account can hire and work; you can add the other side later.</p>
      <ChooseSideForm defaultSide={add} timeZones={TIME_ZONES} />
    </>
  );
}
