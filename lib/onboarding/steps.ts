import type { DbOrTx } from '@/db/client';
import type { Blocker, Step } from '@/lib/checklist';
import {
  buildComplianceContext,
  complianceBlockers,
  complianceSteps,
  type ComplianceContext,
} from '@/lib/compliance/onboarding';
import { toContractNeed } from '@/lib/compliance/queries';
import {
  settingsBlockers,
  settingsContextOf,
  settingsSteps,
  type SettingsContext,
} from '@/lib/settings/onboarding';
import { findFundingWaits, type FundingWait } from './funding-waits';
import { type FreelancerContract, type FreelancerProfileRow } from './queries';
import { loadOnboardingRecords } from './records';

/** Everything the checklist and the blockers panel look at, loaded once per page. */
export type OnboardingContext = {
  profile: FreelancerProfileRow | undefined;
  contracts: FreelancerContract[];
  /** Optional so the first steps can be reasoned about alone (and tested so). */
  compliance?: ComplianceContext;
  settings?: SettingsContext;
  /** Accepted fixed-price contracts whose milestone 1 the client has not funded yet. */
  fundingWaits?: FundingWait[];
};

export type { Blocker, Step };

/** `profile` is the freelancer profile the session lookup already read (Viewer.freelancerProfile). */
export async function loadOnboardingContext(
  db: DbOrTx,
  { userId, profile }: { userId: string; profile: FreelancerProfileRow | undefined },
): Promise<OnboardingContext> {
  const now = new Date();
  const records = await loadOnboardingRecords(db, userId);
  const { contracts } = records;
  // The contracts are read once, for the checklist and for what compliance they need.
  const live = contracts.filter((c) => c.status !== 'declined' && c.status !== 'ended');
  const compliance = buildComplianceContext(live.map(toContractNeed), records.checks, now);
  const settings = settingsContextOf(records, now);
  // Asked only of freelancers with an accepted fixed-price contract (most pages have none).
  const hasFixed = live.some(
    (c) => c.kind === 'fixed' && (c.status === 'active' || c.status === 'awaiting_compliance'),
  );
  const fundingWaits = hasFixed ? await findFundingWaits(db, { freelancerId: userId }) : [];
  return { profile, contracts, compliance, settings, fundingWaits };
}

const clientName = (c: FreelancerContract) =>
  c.inviterName ? `${c.inviterName} of ${c.workspaceName}` : c.workspaceName;

/**
 * The checklist, in order. Compliance comes right after the contract (not last, as in the
 * spec's list): a contract that needs it cannot start before an ops review, so it is asked
 * for as early as possible. Payout, tax and profile follow.
 */
export function onboardingSteps(ctx: OnboardingContext): Step[] {
  const offered = ctx.contracts.filter((c) => c.status === 'offered');
  return [
    { key: 'activate', label: 'Activate your account', href: '/onboarding', done: true },
    {
      key: 'basic-info',
      label: 'Basic info',
      href: '/onboarding/basic-info',
      done: Boolean(ctx.profile?.basicInfoCompletedAt),
    },
    {
      key: 'contract',
      label: 'Review the contract',
      href: offered[0] ? `/onboarding/contract/${offered[0].id}` : '/onboarding/contract',
      done: ctx.contracts.length > 0 && offered.length === 0,
    },
    ...(ctx.compliance ? complianceSteps(ctx.compliance) : []),
    ...(ctx.settings ? settingsSteps(ctx.settings) : []),
  ];
}

/** "What stands between you and your first payment", in plain words. */
const BLOCKER_RULES: ((ctx: OnboardingContext) => Blocker[])[] = [
  (ctx) =>
    ctx.profile?.basicInfoCompletedAt
      ? []
      : [
          {
            key: 'basic-info',
            text: 'Your basic info (name, country, time zone) is not filled in yet.',
            href: '/onboarding/basic-info',
          },
        ],
  (ctx) =>
    ctx.contracts
      .filter((c) => c.status === 'offered')
      .map((c) => ({
        key: `offer-${c.id}`,
        text: `You have not accepted the offer “${c.title}” from ${clientName(c)} yet.`,
        href: `/onboarding/contract/${c.id}`,
      })),
  (ctx) =>
    ctx.contracts.some(
      (c) => c.status === 'active' || c.status === 'awaiting_compliance' || c.status === 'offered',
    )
      ? []
      : [
          {
            key: 'no-contract',
            text: 'You have no accepted contract yet: a client needs to invite you.',
            href: '/help/how-workbridge-works',
          },
        ],
  // Times in the freelancer's chosen zone (UTC until basic info names one).
  (ctx) => (ctx.compliance ? complianceBlockers(ctx.compliance, timeZoneOf(ctx)) : []),
  (ctx) => (ctx.settings ? settingsBlockers(ctx.settings, timeZoneOf(ctx)) : []),
  // SPEC 4.D: nothing to do but wait for the client, so a status, not a link to fix.
  (ctx) =>
    (ctx.fundingWaits ?? []).map((w) => ({
      key: `funding-${w.contractId}`,
      text: `Waiting for ${w.workspaceName} to fund milestone 1 of “${w.title}”.`,
      status: w.isProcessing
        ? 'Their payment is processing: we email you as soon as it is funded, then you can start.'
        : 'We have asked them to fund it; we email you as soon as it is funded, then you can start.',
    })),
];

/** The time zone the freelancer chose in basic info; UTC until then. */
export function timeZoneOf(ctx: Pick<OnboardingContext, 'profile'>): string {
  return ctx.profile?.timeZone ?? 'UTC';
}

export function paymentBlockers(ctx: OnboardingContext): Blocker[] {
  return BLOCKER_RULES.flatMap((rule) => rule(ctx));
}

/** The first step the freelancer can act on now: steps waiting on someone else are skipped. */
export function firstOpenStep(steps: Step[]): Step | undefined {
  return steps.find((s) => !s.done && !s.waitingFor);
}

/** Open steps nobody but someone else can move (an ops review), with what they wait for. */
export function waitingSteps(steps: Step[]): (Step & { waitingFor: string })[] {
  return steps.filter((s): s is Step & { waitingFor: string } => !s.done && !!s.waitingFor);
}

/**
 * Where "Continue" leads from the step `current` once it is done: the first step still open
 * apart from it, or none when the checklist is complete (the dashboard's end state then).
 */
export function nextStepAfter(steps: Step[], current: string): Step | undefined {
  return steps.find((s) => !s.done && s.key !== current);
}

/** Where a person who opens `key` should be: that step, or the first open one before it. */
export function gateStep(steps: Step[], key: string): string | null {
  const index = steps.findIndex((s) => s.key === key);
  const firstOpen = steps.findIndex((s) => !s.done);
  if (firstOpen !== -1 && index > firstOpen) return steps[firstOpen].href;
  return null;
}

/**
 * The compliance page (SPEC 2.E, step 7: "only where required"). Where a contract needs the
 * check, it opens once every step before it is done: the offer accepted, so a freelancer
 * never answers for work they have not taken. Where none does, it opens only to show a
 * check already on record (its status and documents); everyone else goes to their first
 * open step, or to the checklist when nothing is open.
 */
export function gateComplianceStep(steps: Step[], hasCheckOnRecord: boolean): string | null {
  if (steps.some((s) => s.key === 'compliance')) return gateStep(steps, 'compliance');
  if (hasCheckOnRecord) return null;
  return firstOpenStep(steps)?.href ?? '/onboarding';
}

export function progressPercent(steps: Step[]): number {
  return Math.round((steps.filter((s) => s.done).length / steps.length) * 100);
}
