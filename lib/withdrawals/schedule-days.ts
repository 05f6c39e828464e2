/**
 * Withdrawal schedules (issue 17.3): which UTC dates are payout days. Pure, so the tick,
 * the schedule page ("next payout on …") and the tests all share one answer.
 */
export const SCHEDULE_FREQUENCIES = ['off', 'weekly', 'twice_monthly', 'monthly'] as const;
export type ScheduleFrequency = (typeof SCHEDULE_FREQUENCIES)[number];

const WEDNESDAY = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether the UTC calendar date of `at` is a payout day for `frequency`:
 * weekly → every Wednesday; twice_monthly → the 1st and 3rd Wednesday (days 1–7 and
 * 15–21 of the month); monthly → the last Wednesday (a week later is next month);
 * off → never. The time of day does not matter: the tick may run at any hour.
 */
export function isPayoutDay(frequency: ScheduleFrequency, at: Date): boolean {
  if (frequency === 'off' || at.getUTCDay() !== WEDNESDAY) return false;
  const day = at.getUTCDate();
  switch (frequency) {
    case 'weekly':
      return true;
    case 'twice_monthly':
      return day <= 7 || (day >= 15 && day <= 21);
    case 'monthly':
      return new Date(at.getTime() + 7 * DAY_MS).getUTCMonth() !== at.getUTCMonth();
  }
}

/** The UTC date `yyyy-mm-dd` of `at`: the per-day part of the tick's idempotency key. */
export function utcDateKey(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The first payout day on or after `from`'s UTC date (null for off). */
export function nextPayoutDay(frequency: ScheduleFrequency, from: Date): Date | null {
  if (frequency === 'off') return null;
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  // Every frequency has a payout day within 5 weeks (the last Wednesday is ≤ 35 days away).
  for (let i = 0; i < 36; i++) {
    const day = new Date(start + i * DAY_MS);
    if (isPayoutDay(frequency, day)) return day;
  }
  throw new Error(`no payout day found for ${frequency}`);
}
