import { formatDateAndTime } from './format';

/**
 * A moment in the reader's time zone with UTC beside it ("December 5, 2026, 19:00 New_York
 * time (America/New_York); December 6, 2026, 00:00 UTC"), or in UTC alone when that is
 * their zone. The weekly cycle runs on UTC (SPEC 4.C), so both sides see both clocks.
 */
export function formatWithUtc(at: Date, timeZone: string): string {
  const utc = formatDateAndTime(at, 'UTC');
  return timeZone === 'UTC' ? utc : `${formatDateAndTime(at, timeZone)} (${utc})`;
}
