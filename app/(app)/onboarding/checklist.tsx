import Link from 'next/link';
import { BlockerLine } from '@/components/blocker-line';
import { progressPercent, type Blocker, type Step } from '@/lib/onboarding/steps';

export function Checklist({ steps, current }: { steps: Step[]; current?: string }) {
  const percent = progressPercent(steps);
  return (
    <nav aria-label="Onboarding steps" className="card">
      <h2>Your checklist</h2>
      <p>
        <label htmlFor="onboarding-progress">{percent}% done</label>
        <progress id="onboarding-progress" max={100} value={percent} style={{ width: '100%' }}>
          {percent}%
        </progress>
      </p>
      <ol className="checklist">
        {steps.map((s) => (
          <li key={s.key} aria-current={s.key === current ? 'step' : undefined}>
            <span aria-hidden="true">{s.done ? '✔' : '○'}</span>{' '}
            <Link href={s.href}>{s.label}</Link>{' '}
            <span className="muted">({s.done ? 'done' : s.waitingFor ? 'waiting' : 'to do'})</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}

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
