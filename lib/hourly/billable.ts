/**
 * Which minutes of a contract's time are billed (SPEC 4.C): hours beyond the weekly limit
 * are "over the limit, not billed", the earliest entries of the UTC week filling the limit
 * first; a contract with no limit is capped at the whole week (168 h). Pure functions: the
 * diary shows their answer and the billing tick (lib/hourly/invoicing.ts) builds its lines
 * from `billableDays`, so both always agree.
 *
 * Entries never cross a UTC midnight (the diary splits them), so an entry's work date is
 * the UTC date of its start. Running timers (no end) are not billable and must be left out
 * by the caller; the types ask for an end.
 */
import { weekStartOf } from './week';

const MINUTE_MS = 60_000;
const WEEK_MINUTES = 168 * 60;

export type BillableEntry = { id: string; startedAt: Date; endedAt: Date };

/** Whole minutes of an entry (the diary stores 10-minute segments, so this is exact). */
export function minutesOf(entry: { startedAt: Date; endedAt: Date }): number {
  return Math.max(0, Math.floor((entry.endedAt.getTime() - entry.startedAt.getTime()) / MINUTE_MS));
}

/** The weekly limit in minutes: null (no limit) is the whole week, 168 h. */
export function weeklyLimitMinutes(weeklyLimitHours: number | null): number {
  if (weeklyLimitHours === null) return WEEK_MINUTES;
  return Math.min(WEEK_MINUTES, Math.max(0, Math.round(weeklyLimitHours * 60)));
}

/** Earliest first; ties by id so the answer never depends on the input order. */
function byStart(a: BillableEntry, b: BillableEntry): number {
  const diff = a.startedAt.getTime() - b.startedAt.getTime();
  if (diff !== 0) return diff;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Minutes within the weekly limit per entry id (0 for an entry wholly over the limit; an
 * entry straddling the limit is billed in part). Entries of several weeks are allowed: the
 * limit applies to each UTC week on its own.
 */
export function billableMinutesOfEntries(
  entries: BillableEntry[],
  weeklyLimitHours: number | null,
): Map<string, number> {
  const limit = weeklyLimitMinutes(weeklyLimitHours);
  const usedByWeek = new Map<number, number>();
  const result = new Map<string, number>();
  for (const entry of [...entries].sort(byStart)) {
    const week = weekStartOf(entry.startedAt).getTime();
    const used = usedByWeek.get(week) ?? 0;
    const billed = Math.min(minutesOf(entry), Math.max(0, limit - used));
    usedByWeek.set(week, used + billed);
    result.set(entry.id, billed);
  }
  return result;
}

/**
 * THE function the billing tick builds hourly invoice lines from: per UTC work date, the
 * billable minutes and the ids of the entries billed that day (entries wholly over the
 * limit are left out). Days with no billable minute are left out; sorted by date.
 */
export function billableDays(
  entries: { id: string; startedAt: Date; endedAt: Date }[],
  weeklyLimitHours: number | null,
): { workDate: string; minutes: number; entryIds: string[] }[] {
  const billed = billableMinutesOfEntries(entries, weeklyLimitHours);
  const days = new Map<string, { workDate: string; minutes: number; entryIds: string[] }>();
  for (const entry of [...entries].sort(byStart)) {
    const minutes = billed.get(entry.id) ?? 0;
    if (minutes === 0) continue;
    const workDate = entry.startedAt.toISOString().slice(0, 10);
    const day = days.get(workDate) ?? { workDate, minutes: 0, entryIds: [] };
    day.minutes += minutes;
    day.entryIds.push(entry.id);
    days.set(workDate, day);
  }
  return [...days.values()].sort((a, b) => (a.workDate < b.workDate ? -1 : 1));
}
