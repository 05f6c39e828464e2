/**
 * The one clock of every rule that depends on time (money above all): `now()`. Tests move
 * it with `useFakeClock`; in development `/dev/clock` moves it for every process at once
 * (an offset kept in the database, `./dev-offset.ts`). Production runs on the real time.
 */
import { getEnv } from '@/lib/env';

type Source = () => Date;

let testSource: Source | null = null;
let devOffsetMs = 0;

/** The current time as the app's rules see it. */
export function now(): Date {
  if (testSource) return testSource();
  // Date.now() here and only here: everything else asks this function.
  return new Date(Date.now() + devOffsetMs);
}

/** The current time in milliseconds since the epoch, as `now()` sees it. */
export function nowMs(): number {
  return now().getTime();
}

/** Milliseconds from the clock's current time until `at` (negative once it has passed). */
export function msUntil(at: Date): number {
  return at.getTime() - nowMs();
}

/** Everywhere but production; an end-to-end run (E2E_TEST_HOOKS) may move it too. */
export function isClockMovable(): boolean {
  const env = getEnv();
  return !env.isProduction || env.E2E_TEST_HOOKS;
}

function refuseInProduction(what: string): void {
  if (!isClockMovable()) throw new Error(`${what} is not available in production.`);
}

/**
 * Tests only: every `now()` returns what `source` says (a fixed date or a function), until
 * called again with null.
 */
export function setClockForTests(source: Date | Source | null): void {
  refuseInProduction('setClockForTests');
  if (source === null) testSource = null;
  else if (source instanceof Date) {
    const fixed = source.getTime();
    testSource = () => new Date(fixed);
  } else testSource = source;
}

export type FakeClock = {
  now(): Date;
  /** Moves the clock forward by `ms` (or back, if negative). */
  advance(ms: number): void;
  set(at: Date): void;
  restore(): void;
};

/** Tests only: a clock standing still at `start` that the test moves by hand. */
export function useFakeClock(start: Date): FakeClock {
  let current = start.getTime();
  setClockForTests(() => new Date(current));
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
    },
    set(at) {
      current = at.getTime();
    },
    restore: () => setClockForTests(null),
  };
}

/** Development only (./dev-offset.ts): how far ahead of the real time the clock runs. */
export function applyDevOffset(offsetMs: number): void {
  refuseInProduction('The development clock');
  devOffsetMs = offsetMs;
}

export function currentDevOffsetMs(): number {
  return devOffsetMs;
}
