import type { Metadata } from 'next';
import Link from 'next/link';
import { AddOtherSide } from '@/components/add-other-side';
import { BlockersPanel } from './checklist';
import { getOnboarding } from './context';

export const metadata: Metadata = { title: 'Your onboarding' };

const STATUS: Record<string, string> = {
  offered: 'waiting for your decision',
  awaiting_compliance: 'accepted; starts after the compliance check',
  active: 'active',
  declined: 'declined',
};

export default async function OnboardingDashboardPage() {
  const { viewer, ctx, blockers, next } = await getOnboarding();
  const name = ctx.profile?.firstName ?? viewer.user.email;
  return (
    <>
      <h1>Welcome, {name}</h1>
      {next ? (
        <p>
          Next step: <Link href={next.href}>{next.label}</Link>
        </p>
      ) : (
        <p>Your onboarding checklist is complete.</p>
      )}
      <BlockersPanel blockers={blockers} />
      <section aria-labelledby="contracts-heading" className="card">
        <h2 id="contracts-heading">Your contracts</h2>
        {ctx.contracts.length === 0 ? (
          <p>No contracts yet.</p>
        ) : (
          <ul>
            {ctx.contracts.map((c) => (
              <li key={c.id}>
                <Link href={`/onboarding/contract/${c.id}`}>{c.title}</Link> from {c.workspaceName}:{' '}
                {STATUS[c.status] ?? c.status}
              </li>
            ))}
          </ul>
        )}
      </section>
      <AddOtherSide hasWorkspace={Boolean(viewer.workspace)} isFreelancer />
    </>
  );
}
