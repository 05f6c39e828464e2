import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { requireViewer } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Your onboarding' };

export default async function OnboardingDashboardPage() {
  const viewer = await requireViewer();
  if (!viewer.isFreelancer) redirect('/welcome?add=freelancer');
  return (
    <>
      <h1>Your onboarding</h1>
      <div className="card">
        <h2>Checklist</h2>
        <ul>
          <li>Activate account: done</li>
        </ul>
      </div>
    </>
  );
}
