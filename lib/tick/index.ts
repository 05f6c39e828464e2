import type { Db } from '@/db/client';
import { TICK_STEPS, type TickStep } from './steps';

export type { TickStep } from './steps';

export type TickResult = { at: Date; steps: { name: string; handled: number; ms: number }[] };

export type TickOptions = {
  /** The steps to run instead of TICK_STEPS (tests). */
  steps?: readonly TickStep[];
  log?: (line: string) => void;
};

/**
 * The billing tick: every step of TICK_STEPS for the time `at`, in order. Running it again
 * for the same time changes nothing (each step is idempotent), and several workers may run
 * it at once (each step skips what another holds). A step that fails does not keep the
 * later ones from running (each is independent and has its own due work); the tick throws
 * once all have run, and the next tick picks up whatever the failed step left.
 */
export async function runBillingTick(
  db: Db,
  at: Date,
  options: TickOptions = {},
): Promise<TickResult> {
  const log = options.log ?? ((line: string) => console.info(line));
  const result: TickResult = { at, steps: [] };
  const errors: unknown[] = [];
  for (const step of options.steps ?? TICK_STEPS) {
    const started = performance.now();
    try {
      const handled = await step.run(db, at);
      const ms = Math.round(performance.now() - started);
      result.steps.push({ name: step.name, handled, ms });
      if (handled > 0)
        log(`[tick] ${at.toISOString()} ${step.name}: ${handled} handled in ${ms} ms`);
    } catch (error) {
      errors.push(error);
      console.error(`[tick] ${at.toISOString()} ${step.name} failed:`, (error as Error).message);
    }
  }
  if (errors.length > 0) {
    throw new AggregateError(
      errors,
      `The billing tick at ${at.toISOString()}: ${errors.length} step(s) failed`,
    );
  }
  return result;
}
