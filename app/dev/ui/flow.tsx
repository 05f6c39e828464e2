import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmLink } from '@/components/ui/confirm-link';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { ProgressRail } from '@/components/ui/progress-rail';
import type { Step } from '@/lib/checklist';

const STEPS: Step[] = [
  { key: 'activate', label: 'Activate your account', href: '#flow', done: true },
  { key: 'basic-info', label: 'Basic info', href: '#flow', done: true },
  { key: 'contract', label: 'Review the contract', href: '#flow', done: false },
  { key: 'payout', label: 'Payout method', href: '#flow', done: false },
  {
    key: 'compliance',
    label: 'Compliance check',
    href: '#flow',
    done: false,
    waitingFor: 'our review of what you sent on November 30',
  },
];

/** The onboarding rail in every state, and a destructive action's two steps. */
export function FlowSection() {
  return (
    <Card id="flow" title="Onboarding rail and confirmations">
      <ProgressRail steps={STEPS} current="contract" />
      <p>The first click of a destructive action is a link to its confirmation page:</p>
      <p>
        <ConfirmLink href="#flow">Revoke the invite…</ConfirmLink>
      </p>
      <ConfirmStep
        question="Revoke the invite to ana@example.com?"
        consequences={['The link in the email stops working at once.', 'This cannot be undone.']}
        cancelHref="#flow"
      >
        <Button type="button" variant="danger">
          Revoke the invite
        </Button>
      </ConfirmStep>
    </Card>
  );
}
