/**
 * How the diary rounds tracked time (SPEC 4.C: "the server keeps the times, in 10-minute
 * segments"), as Upwork's tracker does: every 10-minute segment the timer ran in counts
 * whole. The start is floored to its segment and the end ceiled to the end of its segment,
 * so a timer started at 10:04 and stopped at 10:31 records 10:00–10:40 (4 segments). A stop
 * at the very instant of its floored start records nothing. Entries never cross a UTC
 * midnight: a longer stretch is split into one entry per UTC day.
 */
export const SEGMENT_MINUTES = 10;
const SEGMENT_MS = SEGMENT_MINUTES * 60_000;
export const DAY_MS = 86_400_000;

export const floorToSegment = (at: Date) =>
  new Date(Math.floor(at.getTime() / SEGMENT_MS) * SEGMENT_MS);

export const ceilToSegment = (at: Date) =>
  new Date(Math.ceil(at.getTime() / SEGMENT_MS) * SEGMENT_MS);

export const isOnSegment = (at: Date) => at.getTime() % SEGMENT_MS === 0;

/** 00:00 UTC of the day holding `at`. */
export const utcDayStartOf = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/** The UTC calendar date of `at`, YYYY-MM-DD. */
export const utcDateOf = (at: Date) => at.toISOString().slice(0, 10);

/** [start, end) cut at every UTC midnight in between; empty when end <= start. */
export function splitAtUtcMidnights(start: Date, end: Date): { startedAt: Date; endedAt: Date }[] {
  const pieces: { startedAt: Date; endedAt: Date }[] = [];
  let from = start;
  while (from.getTime() < end.getTime()) {
    const midnight = new Date(utcDayStartOf(from).getTime() + DAY_MS);
    const to = midnight.getTime() < end.getTime() ? midnight : end;
    pieces.push({ startedAt: from, endedAt: to });
    from = to;
  }
  return pieces;
}
