import Link from 'next/link';
import type { Step } from '@/lib/checklist';
import styles from './progress-rail.module.css';

type Props = {
  /** The onboarding checklist (lib/onboarding/steps), the one source of the rail and the blockers. */
  steps: Step[];
  /** The step this page is; omitted on pages that are no step (the dashboard). */
  current?: string;
};

/**
 * Where the freelancer is in onboarding: every step with its state, the current one marked.
 * A server component: plain links, no client JavaScript (the onboarding pages have a tight
 * first-load budget). The words "done" and "to do" are text, not only colour or a tick.
 */
export function ProgressRail({ steps, current }: Props) {
  const doneCount = steps.filter((s) => s.done).length;
  const percent = steps.length === 0 ? 100 : Math.round((doneCount / steps.length) * 100);
  return (
    <nav aria-label="Onboarding steps" className={styles.rail}>
      <p className={styles.summary}>
        <label htmlFor="onboarding-progress">
          {doneCount} of {steps.length} steps done ({percent}%)
        </label>
        <progress id="onboarding-progress" className={styles.bar} max={100} value={percent}>
          {percent}%
        </progress>
      </p>
      <ol className={styles.steps}>
        {steps.map((step, index) => {
          const isCurrent = step.key === current;
          const state = step.done ? styles.done : isCurrent ? styles.current : styles.todo;
          return (
            <li
              key={step.key}
              className={`${styles.step} ${state}`}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <span className={styles.marker} aria-hidden="true">
                {step.done ? '✓' : index + 1}
              </span>
              <span className={styles.text}>
                <Link href={step.href} className={styles.link}>
                  {step.label}
                </Link>{' '}
                <span className={styles.state}>
                  {step.done
                    ? 'done'
                    : step.waitingFor
                      ? 'waiting'
                      : isCurrent
                        ? 'to do, this page'
                        : 'to do'}
                </span>
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
