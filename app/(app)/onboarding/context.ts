import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDatabase } from '@/db';
import { requireViewer } from '@/lib/auth/session';
import {
  firstOpenStep,
  gateComplianceStep,
  gateStep,
  loadOnboardingContext,
  onboardingSteps,
  paymentBlockers,
} from '@/lib/onboarding/steps';

/** The signed-in freelancer and their onboarding state, once per request. */
export const getOnboarding = cache(async () => {
  const viewer = await requireViewer();
  if (!viewer.isFreelancer) redirect('/welcome?add=freelancer');
  const { db } = await getDatabase();
  const ctx = await loadOnboardingContext(db, {
    userId: viewer.user.id,
    profile: viewer.freelancerProfile,
  });
  const steps = onboardingSteps(ctx);
  return { viewer, ctx, steps, blockers: paymentBlockers(ctx), next: firstOpenStep(steps) };
});

/** A step page sends someone who skipped ahead back to the first open step. */
export async function enterStep(key: string) {
  const onboarding = await getOnboarding();
  const back = gateStep(onboarding.steps, key);
  if (back) redirect(back);
  return onboarding;
}

/** The compliance page: only where a contract needs it, after the steps before it. */
export async function enterComplianceStep() {
  const onboarding = await getOnboarding();
  const back = gateComplianceStep(onboarding.steps, Boolean(onboarding.ctx.compliance?.latest));
  if (back) redirect(back);
  return onboarding;
}
