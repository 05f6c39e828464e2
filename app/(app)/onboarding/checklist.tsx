import { BlockerLine } from '@/components/blocker-line';
import type { Blocker } from '@/lib/onboarding/steps';

export function BlockersPanel({ blockers }: { blockers: Blocker[] }) {
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
    </section>
  );
}
