/**
 * The one clock of every rule that depends on time (money above all): `now()`. Tests move
 * it with `useFakeClock`; in development `/dev/clock` moves it for every process at once
 * (an offset kept in the database, `./dev-offset.ts`). Production runs on the real time.
 */
import { getEnv } from '@/lib/env';

type Source = () => Date;

/*
 * The clock's state lives on globalThis: a Next build may bundle this module more than once
 * (the instrumentation hook that syncs the development offset, the route handlers and the
 * server actions can each get a copy), and every copy must read the same offset.
 */
type ClockState = { testSource: Source | null; devOffsetMs: number };
const CLOCK_STATE = Symbol.for('workbridge.clock');
const shared = globalThis as typeof globalThis & { [CLOCK_STATE]?: ClockState };
const state: ClockState = (shared[CLOCK_STATE] ??= { testSource: null, devOffsetMs: 0 });

/** The current time as the app's rules see it. */
export function now(): Date {
  if (state.testSource) return state.testSource();
  // Date.now() here and only here: everything else asks this function.
  return new Date(Date.now() + state.devOffsetMs);
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
  if (source === null) state.testSource = null;
  else if (source instanceof Date) {
    const fixed = source.getTime();
    state.testSource = () => new Date(fixed);
  } else state.testSource = source;
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
  state.devOffsetMs = offsetMs;
}

export function currentDevOffsetMs(): number {
  return state.devOffsetMs;
}
