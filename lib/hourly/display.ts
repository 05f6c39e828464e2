/**
 * How the diary shows a stretch of time: in UTC (the diary's own time: weeks, days and
 * deadlines are UTC) and in the freelancer's time zone beside it, the local date added when
 * it is not the UTC date. Across a daylight-saving change only the local side moves.
 */
import { formatLongDate, zoneLabel } from '@/lib/dates/format';

const formats = new Map<string, Intl.DateTimeFormat>();

function partsIn(at: Date, timeZone: string) {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    date: `${parts.month} ${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    zone: parts.timeZoneName,
  };
}

const hhmm = (at: Date) => at.toISOString().slice(11, 16);

/** "09:00–10:30 UTC", "23:00–24:00 UTC"; a running timer has no end yet. */
export function utcSpanText(startedAt: Date, endedAt: Date | null): string {
  if (!endedAt) return `from ${hhmm(startedAt)} UTC`;
  const sameDay = endedAt.toISOString().slice(0, 10) === startedAt.toISOString().slice(0, 10);
  return `${hhmm(startedAt)}–${sameDay ? hhmm(endedAt) : '24:00'} UTC`;
}

/**
 * "10:00–11:30 Lisbon time (Europe/Lisbon, WET)"; "Nov 30 19:00–20:00 …" when the local day differs
 * from the UTC day of the entry. Null for UTC, which `utcSpanText` already shows.
 */
export function localSpanText(
  startedAt: Date,
  endedAt: Date | null,
  timeZone: string,
): string | null {
  if (timeZone === 'UTC') return null;
  const start = partsIn(startedAt, timeZone);
  const utcDate = new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
  }).format(startedAt);
  const day = start.date === utcDate ? '' : `${start.date} `;
  const zone = zoneLabel(timeZone).replace(/\)$/, `, ${start.zone})`);
  if (!endedAt) return `${day}from ${start.time} ${zone}`;
  const end = partsIn(endedAt, timeZone);
  const endText = end.date === start.date ? end.time : `${end.date} ${end.time}`;
  return `${day}${start.time}–${endText} ${zone}`;
}

/** 90 → "1 h 30 min", 0 → "0 h". */
export function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const DAY_TITLE = new Intl.DateTimeFormat('en-US', {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

/** "Monday, November 30": a UTC day of the diary. */
export const dayTitle = (date: string) => DAY_TITLE.format(new Date(`${date}T00:00:00Z`));

/** Why an ended contract takes no new time: the diary's notice and the service's refusal. */
export function endedTimeMessage(endedAt: Date): string {
  return `This contract ended on ${formatLongDate(endedAt)}: no new time can be recorded. Time already in the diary is invoiced at the next Monday tick.`;
}

/** Why a stopped timer left time out: "the week of 2026-11-16 was closed; the contract was paused". */
export function notRecordedReasons(left: {
  closedWeeks: string[];
  cutBy: 'paused' | 'ended' | null;
}): string {
  const reasons: string[] = [];
  if (left.closedWeeks.length > 0) {
    const weeks = left.closedWeeks.join(', ');
    reasons.push(
      `${left.closedWeeks.length === 1 ? `the week of ${weeks} was` : `the weeks of ${weeks} were`} already closed (a week closes Monday 12:00 UTC after it) or invoiced`,
    );
  }
  if (left.cutBy === 'paused')
    reasons.push('the time after the contract was paused is not counted');
  if (left.cutBy === 'ended') reasons.push('the time after the contract ended is not counted');
  return reasons.join('; ');
}

/** The diary's notice after a stop that left time out. */
export function notRecordedMessage(left: {
  minutes: number;
  closedWeeks: string[];
  cutBy: 'paused' | 'ended' | null;
}): string {
  return `Timer stopped. ${hoursText(left.minutes)} ${left.minutes === 1 ? 'was' : 'were'} not recorded: ${notRecordedReasons(left)}.`;
}
