import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button';
import { getDatabase } from '@/db';
import { waitingSteps } from '@/lib/onboarding/steps';
import { withdrawalBlockers } from '@/lib/withdrawals/blockers';
import { timeZoneOfViewer } from '../contracts/viewer';
import { AddOtherSide } from '@/components/add-other-side';
import { BlockersPanel } from './checklist';
import { getOnboarding } from './context';
import { DecisionNotice } from './decision-notice';
import { ReadyPanel } from './ready-panel';
import { StepRail } from './step-rail';

export const metadata: Metadata = { title: 'Your onboarding' };

const STATUS: Record<string, string> = {
  offered: 'waiting for your decision',
  awaiting_compliance: 'accepted; starts after the compliance check',
  active: 'active',
  declined: 'declined',
  ended: 'ended',
};

type Props = { searchParams: Promise<{ notice?: string; contract?: string }> };

export default async function OnboardingDashboardPage({ searchParams }: Props) {
  const [{ viewer, ctx, steps, blockers, next }, query] = await Promise.all([
    getOnboarding(),
    searchParams,
  ]);
  const { db } = await getDatabase();
  const refusals = await withdrawalBlockers(db, viewer.user.id, {
    timeZone: timeZoneOfViewer(viewer, 'freelancer'),
  });
  const name = ctx.profile?.firstName ?? viewer.user.email;
  const waiting = waitingSteps(steps);
  return (
    <>
      <StepRail />
      <h1>Welcome, {name}</h1>
      <DecisionNotice notice={query.notice} contractId={query.contract} contracts={ctx.contracts} />
      {next ? (
        <p>
          <ButtonLink href={next.href}>Continue to {next.label.toLowerCase()}</ButtonLink>
        </p>
      ) : waiting.length === 0 ? (
        <ReadyPanel ctx={ctx} />
      ) : (
        <p>Nothing for you to do right now.</p>
      )}
      {waiting.map((s) => (
        <p key={s.key}>
          <Link href={s.href}>{s.label}</Link>: waiting for {s.waitingFor}.
        </p>
      ))}
      <BlockersPanel blockers={blockers} withdrawalBlockers={refusals} />
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
                {(c.status === 'active' ||
                  c.status === 'awaiting_compliance' ||
                  c.status === 'ended') && (
                  <>
                    {' · '}
                    <Link href={`/contracts/${c.id}`}>
                      Hours and invoices<span className="visually-hidden"> of {c.title}</span>
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/earnings">Earnings</Link>: what is in review, pending and available, and
          when. <Link href="/earnings/transactions">Transaction history</Link>: every movement.
        </p>
      </section>
      <AddOtherSide hasWorkspace={Boolean(viewer.workspace)} isFreelancer />
    </>
  );
}
