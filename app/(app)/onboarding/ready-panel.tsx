import Link from 'next/link';
import { formatHoldEnd, methodShortName } from '@/lib/payouts/present';
import { SECURITY_HOLD_DAYS } from '@/lib/payouts/service';
import type { OnboardingContext } from '@/lib/onboarding/steps';

/**
 * The end state of onboarding, once every step is done: what happens next, in order, with
 * the payout method's hold and its date when it has not ended yet.
 */
export function ReadyPanel({ ctx }: { ctx: OnboardingContext }) {
  const live = ctx.contracts.filter((c) => c.status === 'active');
  const waiting = ctx.contracts.filter((c) => c.status === 'awaiting_compliance');
  const methods = ctx.settings?.payoutMethods ?? [];
  const target = methods.find((m) => m.isDefault) ?? methods[0];
  return (
    <section aria-labelledby="ready-heading" className="card">
      <h2 id="ready-heading">You&rsquo;re ready to get paid</h2>
      <p>Every onboarding step is done. What happens next:</p>
      <ol>
        {live.length > 0 && (
          <li>
            {live.length === 1
              ? `“${live[0].title}” is active`
              : `${live.length} contracts are active`}
            : your client can start the work.
          </li>
        )}
        {waiting.length > 0 && (
          <li>
            {waiting.length === 1
              ? `“${waiting[0].title}” starts`
              : `${waiting.length} contracts start`}{' '}
            once a reviewer approves your compliance check; we email you when they decide.
          </li>
        )}
        <li>
          Hours are invoiced to your client every Monday for the week before, and a milestone is
          paid when the client approves it. The money reaches your balance a few days later.{' '}
          <Link href="/help/how-workbridge-works">How payment works</Link>
        </li>
        {target && (
          <li>
            Withdrawals go to your {methodShortName(target)}
            {target.isUsable
              ? '.'
              : `, from ${formatHoldEnd(target.usableAfter)}, when its ${SECURITY_HOLD_DAYS}-day security hold ends.`}
          </li>
        )}
      </ol>
    </section>
  );
}
