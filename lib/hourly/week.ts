/**
 * The hourly week (SPEC 4.C), always in UTC: Monday 00:00 to Sunday 23:59. Last week may be
 * edited until Monday 11:59; invoices are issued Monday 12:00; the client reviews until
 * Friday 23:59; the undisputed amount is released Saturday 00:00 and becomes available the
 * Wednesday after. Every function takes the time it is asked about: none reads a clock.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Monday 00:00 UTC of the week holding `at`. */
export function weekStartOf(at: Date): Date {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * DAY_MS);
}

/** The week's Monday as a calendar date (YYYY-MM-DD), as `invoice.week_start` stores it. */
export function weekStartDate(at: Date): string {
  return weekStartOf(at).toISOString().slice(0, 10);
}

/** Monday 00:00 UTC of a week given by its Monday's date. */
export function weekStartFromDate(date: string): Date {
  const start = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(start.getTime()) || start.getUTCDay() !== 1) {
    throw new Error(`${date} is not a Monday.`);
  }
  return start;
}

const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);

/** The week after ends here (exclusive): Monday 00:00 UTC of the next week. */
export const weekEndOf = (weekStart: Date) => plus(weekStart, 7 * DAY_MS);

/** Entries of the week may be added or changed before this (next Monday 12:00 UTC). */
export const editDeadlineOf = (weekStart: Date) => plus(weekStart, 7 * DAY_MS + 12 * HOUR_MS);

/** When the week is invoiced: next Monday 12:00 UTC (the same instant as the deadline). */
export const invoiceTimeOf = editDeadlineOf;

/** The client's review ends (exclusive): the Saturday 00:00 UTC after the invoice. */
export const reviewEndsOf = (weekStart: Date) => plus(weekStart, 12 * DAY_MS);

/** Released at the end of review, the money is available the Wednesday after (00:00 UTC). */
export const availableAfterReviewOf = (weekStart: Date) => plus(weekStart, 16 * DAY_MS);

/** Released early (the client approved), the money is available 5 days later. */
export const availableAfterApproval = (approvedAt: Date) => plus(approvedAt, 5 * DAY_MS);

/** ISO 8601 week label, e.g. 2026-W49 (used in idempotency keys and on invoices). */
export function isoWeekOf(weekStart: Date): string {
  const thursday = plus(weekStartOf(weekStart), 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursday = plus(weekStartOf(new Date(Date.UTC(year, 0, 4))), 3 * DAY_MS);
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** `at` plus `days` business days (Monday to Friday, UTC), keeping the time of day. */
export function addBusinessDays(at: Date, days: number): Date {
  let result = at;
  let left = days;
  while (left > 0) {
    result = plus(result, DAY_MS);
    const weekday = result.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return result;
}
