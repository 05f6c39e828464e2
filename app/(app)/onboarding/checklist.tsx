import Link from 'next/link';
import { BlockerLine } from '@/components/blocker-line';
import type { Blocker } from '@/lib/onboarding/steps';

type Props = {
  blockers: Blocker[];
  /** Why a withdrawal would be refused now (lib/withdrawals/blockers.ts), composed by the page. */
  withdrawalBlockers: Blocker[];
};

export function BlockersPanel({ blockers, withdrawalBlockers }: Props) {
  return (
    <section aria-labelledby="blockers-heading" className="card">
      <h2 id="blockers-heading">What stands between you and your first payment</h2>
      {blockers.length === 0 ? (
        <p>Nothing: you are ready to be paid.</p>
      ) : (
        <ul>
          {blockers.map((b) => (
            <li key={b.key}>
              <BlockerLine blocker={b} />
            </li>
          ))}
        </ul>
      )}
      <h3 id="withdraw-blockers-heading">Why can’t I withdraw?</h3>
      {withdrawalBlockers.length === 0 ? (
        <p>
          Nothing stops a withdrawal now: <Link href="/earnings/withdraw">withdraw</Link>.
        </p>
      ) : (
        <ul aria-labelledby="withdraw-blockers-heading">
          {withdrawalBlockers.map((b) => (
            <li key={b.key}>
              <BlockerLine blocker={b} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
