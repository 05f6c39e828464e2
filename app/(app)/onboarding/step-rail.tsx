import { ButtonLink } from '@/components/ui/button';
import { ProgressRail } from '@/components/ui/progress-rail';
import { nextStepAfter } from '@/lib/onboarding/steps';
import { getOnboarding } from './context';

/**
 * The progress rail of the onboarding and Settings step pages, built from the same checklist
 * as the dashboard and the blockers panel (getOnboarding is read once per request).
 */
export async function StepRail({ current }: { current?: string }) {
  const { steps } = await getOnboarding();
  return <ProgressRail steps={steps} current={current} />;
}

/**
 * The primary way on once this page's step is done: the first step still open, or the end
 * state on the dashboard. Nothing while the step is open: its own form is the primary action.
 */
export async function ContinueToNext({ current }: { current: string }) {
  const { steps } = await getOnboarding();
  if (!steps.find((s) => s.key === current)?.done) return null;
  const next = nextStepAfter(steps, current);
  return (
    <p>
      {next ? (
        <ButtonLink href={next.href}>Continue to {next.label.toLowerCase()}</ButtonLink>
      ) : (
        <ButtonLink href="/onboarding">Continue: see what happens next</ButtonLink>
      )}
    </p>
  );
}
