import {
  firstOpenStep,
  gateStep,
  nextStepAfter,
  onboardingSteps,
  paymentBlockers,
  progressPercent,
  waitingSteps,
  type OnboardingContext,
  type Step,
} from './steps';

const contract = (
  status: 'offered' | 'active' | 'declined' | 'awaiting_compliance',
  id = 'c1',
) => ({
  id,
  title: 'Website redesign',
  status,
  kind: 'hourly' as const,
  weeklyLimitHours: 20,
  workspaceId: 'w1',
  inviteId: 'i1',
  workspaceName: 'Acme Studio',
  workspaceType: 'company' as const,
  inviterName: 'Dana Lee',
});

const profile = (done: boolean) =>
  ({ userId: 'u', basicInfoCompletedAt: done ? new Date() : null }) as OnboardingContext['profile'];

describe('onboarding steps', () => {
  it('starts at basic info and sends a person who skipped ahead back to it', () => {
    const steps = onboardingSteps({ profile: profile(false), contracts: [contract('offered')] });
    expect(firstOpenStep(steps)?.key).toBe('basic-info');
    expect(gateStep(steps, 'contract')).toBe('/onboarding/basic-info');
    expect(gateStep(steps, 'basic-info')).toBeNull();
    expect(progressPercent(steps)).toBe(33);
  });

  it('points the contract step at the offer waiting for a decision, and is done once decided', () => {
    const waiting = onboardingSteps({
      profile: profile(true),
      contracts: [contract('offered', 'abc')],
    });
    expect(firstOpenStep(waiting)?.href).toBe('/onboarding/contract/abc');
    const decided = onboardingSteps({ profile: profile(true), contracts: [contract('active')] });
    expect(firstOpenStep(decided)).toBeUndefined();
    expect(progressPercent(decided)).toBe(100);
  });

  it('continues from a finished step to the first open one, and to none at the end', () => {
    const steps = onboardingSteps({
      profile: profile(true),
      contracts: [contract('offered', 'abc')],
    });
    expect(nextStepAfter(steps, 'basic-info')?.href).toBe('/onboarding/contract/abc');
    // From the open step itself, "continue" skips it rather than pointing back at it.
    expect(nextStepAfter(steps, 'contract')).toBeUndefined();
    const done = onboardingSteps({ profile: profile(true), contracts: [contract('active')] });
    expect(nextStepAfter(done, 'contract')).toBeUndefined();
    const early = onboardingSteps({ profile: profile(false), contracts: [contract('offered')] });
    expect(nextStepAfter(early, 'activate')?.key).toBe('basic-info');
  });

  it('lists every blocker to the first payment in plain words', () => {
    const blockers = paymentBlockers({ profile: profile(false), contracts: [contract('offered')] });
    expect(blockers.map((b) => b.text)).toEqual([
      'Your basic info (name, country, time zone) is not filled in yet.',
      'You have not accepted the offer “Website redesign” from Dana Lee of Acme Studio yet.',
    ]);
    expect(
      paymentBlockers({ profile: profile(true), contracts: [contract('declined')] }).map(
        (b) => b.key,
      ),
    ).toEqual(['no-contract']);
    expect(paymentBlockers({ profile: profile(true), contracts: [contract('active')] })).toEqual(
      [],
    );
  });

  it('skips a step that waits on someone else for the next step, and says what it waits for', () => {
    const steps: Step[] = [
      { key: 'basic-info', label: 'Basic info', href: '/onboarding/basic-info', done: true },
      {
        key: 'compliance',
        label: 'Compliance check',
        href: '/onboarding/compliance',
        done: false,
        waitingFor: 'our review',
      },
      { key: 'payout', label: 'Payout method', href: '/settings/payout', done: false },
    ];
    expect(firstOpenStep(steps)?.key).toBe('payout');
    expect(waitingSteps(steps).map((s) => [s.key, s.waitingFor])).toEqual([
      ['compliance', 'our review'],
    ]);
    expect(firstOpenStep(steps.slice(0, 2))).toBeUndefined();
  });
});

describe("times in the freelancer's time zone", () => {
  it("shows a rejected check's next submission date in the zone chosen in basic info", () => {
    const resubmitFrom = new Date('2026-05-01T02:30:00Z');
    const compliance = {
      state: { kind: 'rejected', reason: 'Unreadable.', resubmitFrom },
      contracts: [],
    } as unknown as OnboardingContext['compliance'];
    const texts = (timeZone: string | null) =>
      paymentBlockers({
        profile: { ...profile(true)!, timeZone } as OnboardingContext['profile'],
        contracts: [contract('awaiting_compliance')],
        compliance,
      })
        .filter((b) => b.key === 'compliance-rejected')
        .map((b) => b.text);
    expect(texts('America/Los_Angeles')).toEqual([
      'Your compliance check was rejected: Unreadable. You can submit again from April 30, 2026, 19:30 Los Angeles time (America/Los_Angeles).',
    ]);
    expect(texts(null)).toEqual([
      'Your compliance check was rejected: Unreadable. You can submit again from May 1, 2026, 02:30 UTC.',
    ]);
  });
});
