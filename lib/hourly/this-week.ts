import { and, eq, gte, lt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { timeEntries } from '@/db/schema';
import { isoWeekOf, weekEndOf, weekStartOf } from './week';

export type WeekHours = {
  weekStart: Date;
  /** Exclusive: next Monday 00:00 UTC. */
  weekEnd: Date;
  isoWeek: string;
  /** Recorded minutes per UTC day that has any, in day order. */
  days: { date: string; minutes: number }[];
  totalMinutes: number;
  /** Within the weekly limit (all of it without a limit). */
  billableMinutes: number;
  /** Over the weekly limit: shown, not billed. */
  overLimitMinutes: number;
  /** A timer is running now (counted up to `at`). */
  timerRunning: boolean;
};

type EntryTimes = { startedAt: Date; endedAt: Date | null };

/**
 * The hours of the UTC week holding `at` (SPEC 4.C): per day, in total, and split at the
 * weekly limit into billable and over the limit. A running timer counts up to `at`.
 */
export function summarizeWeek(
  entries: EntryTimes[],
  weeklyLimitHours: number | null,
  at: Date,
): WeekHours {
  const weekStart = weekStartOf(at);
  const weekEnd = weekEndOf(weekStart);
  const perDay = new Map<string, number>();
  let totalMinutes = 0;
  let timerRunning = false;
  for (const entry of entries) {
    if (entry.startedAt < weekStart || entry.startedAt >= weekEnd) continue;
    const end = entry.endedAt ?? at;
    if (!entry.endedAt) timerRunning = true;
    const minutes = Math.max(0, Math.floor((end.getTime() - entry.startedAt.getTime()) / 60_000));
    const day = entry.startedAt.toISOString().slice(0, 10);
    perDay.set(day, (perDay.get(day) ?? 0) + minutes);
    totalMinutes += minutes;
  }
  const limit = weeklyLimitHours === null ? Infinity : weeklyLimitHours * 60;
  const billableMinutes = Math.min(totalMinutes, limit);
  return {
    weekStart,
    weekEnd,
    isoWeek: isoWeekOf(weekStart),
    days: [...perDay]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, minutes]) => ({ date, minutes })),
    totalMinutes,
    billableMinutes,
    overLimitMinutes: totalMinutes - billableMinutes,
    timerRunning,
  };
}

/** This week's hours on a contract: one query for the week's entries. */
export async function loadWeekHours(
  db: DbOrTx,
  contract: { id: string; weeklyLimitHours: number | null },
  at: Date,
): Promise<WeekHours> {
  const weekStart = weekStartOf(at);
  const entries = await db
    .select({ startedAt: timeEntries.startedAt, endedAt: timeEntries.endedAt })
    .from(timeEntries)
    .where(
      and(
        eq(timeEntries.contractId, contract.id),
        gte(timeEntries.startedAt, weekStart),
        lt(timeEntries.startedAt, weekEndOf(weekStart)),
      ),
    );
  return summarizeWeek(entries, contract.weeklyLimitHours, at);
}
