import { renderToStaticMarkup } from 'react-dom/server';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { ProgressRail } from '@/components/ui/progress-rail';
import { onboardingSteps } from '@/lib/onboarding/steps';

const contract = {
  id: 'c1',
  title: 'Website redesign',
  status: 'offered' as const,
  kind: 'hourly' as const,
  weeklyLimitHours: 20,
  workspaceId: 'w1',
  inviteId: 'i1',
  workspaceName: 'Acme Studio',
  workspaceType: 'company' as const,
  inviterName: 'Dana Lee',
};

describe('the progress rail', () => {
  it('is drawn from the checklist: every step with its state in words, this page marked', () => {
    const steps = onboardingSteps({
      profile: { userId: 'u', basicInfoCompletedAt: new Date() } as never,
      contracts: [contract],
    });
    const html = renderToStaticMarkup(<ProgressRail steps={steps} current="contract" />);
    expect(html).toContain('aria-label="Onboarding steps"');
    expect(html).toContain('2 of 3 steps done (67%)');
    const items = html.match(/<li[^>]*>.*?<\/li>/g) ?? [];
    expect(items).toHaveLength(3);
    expect(items[1]).toContain('Basic info');
    expect(items[1]).toContain('>done<');
    expect(items[1]).not.toContain('aria-current');
    expect(items[2]).toContain('aria-current="step"');
    expect(items[2]).toContain('href="/onboarding/contract/c1"');
    expect(items[2]).toContain('to do, this page');
  });
});

describe('the confirmation step', () => {
  it('names the thing, says what will happen, and offers a way back', () => {
    const html = renderToStaticMarkup(
      <ConfirmStep
        question="Revoke the invite to Sam Ortiz?"
        consequences={['The link stops working at once.', 'We do not email Sam.']}
        cancelHref="/client/invites/abc"
      >
        <form>
          <button type="submit">Revoke the invite</button>
        </form>
      </ConfirmStep>,
    );
    expect(html).toContain('Revoke the invite to Sam Ortiz?');
    expect(html).toContain('<li>The link stops working at once.</li><li>We do not email Sam.</li>');
    expect(html).toContain('href="/client/invites/abc"');
    expect(html).toContain('Cancel, keep everything as it is');
  });
});
