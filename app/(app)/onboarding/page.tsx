import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button';
import { BlockersPanel } from './checklist';
import { getOnboarding } from './context';
import { ReadyPanel } from './ready-panel';
import { StepRail } from './step-rail';

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
      <StepRail />
      <h1>Welcome, {name}</h1>
      {next ? (
        <p>
          <ButtonLink href={next.href}>Continue to {next.label.toLowerCase()}</ButtonLink>
        </p>
      ) : (
        <ReadyPanel ctx={ctx} />
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
    </>
  );
}
