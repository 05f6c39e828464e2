import { and, eq, gte, lt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { timeEntries } from '@/db/schema';
import { billableMinutesOfEntries, minutesOf } from './billable';
import { isoWeekOf, weekEndOf, weekStartOf } from './week';

export type WeekHours = {
  weekStart: Date;
  /** Exclusive: next Monday 00:00 UTC. */
  weekEnd: Date;
  isoWeek: string;
  /** Recorded minutes per UTC day that has any (a running timer up to now), in day order. */
  days: { date: string; minutes: number }[];
  /** Every stopped entry's minutes. */
  totalMinutes: number;
  /** Within the weekly limit, by the billing tick's own rule (lib/hourly/billable.ts). */
  billableMinutes: number;
  /** Over the weekly limit: shown, not billed. */
  overLimitMinutes: number;
  /** A timer is running: its minutes so far, counted once it stops. */
  runningMinutes: number | null;
};

type EntryTimes = { id: string; startedAt: Date; endedAt: Date | null };

/**
 * The hours of the UTC week holding `at` (SPEC 4.C): per day, in total, and split at the
 * weekly limit into billable and over the limit with billableMinutesOfEntries, the rule the
 * billing tick invoices by. A running timer is not billable until it stops (as in the
 * diary); its time so far is shown apart.
 */
export function summarizeWeek(
  entries: EntryTimes[],
  weeklyLimitHours: number | null,
  at: Date,
): WeekHours {
  const weekStart = weekStartOf(at);
  const weekEnd = weekEndOf(weekStart);
  const inWeek = entries.filter((e) => e.startedAt >= weekStart && e.startedAt < weekEnd);
  const stopped = inWeek.flatMap((e) => (e.endedAt ? [{ ...e, endedAt: e.endedAt }] : []));
  const running = inWeek.find((e) => e.endedAt === null);
  const perDay = new Map<string, number>();
  for (const entry of inWeek) {
    const minutes = minutesOf({ startedAt: entry.startedAt, endedAt: entry.endedAt ?? at });
    const day = entry.startedAt.toISOString().slice(0, 10);
    perDay.set(day, (perDay.get(day) ?? 0) + minutes);
  }
  const totalMinutes = stopped.reduce((sum, e) => sum + minutesOf(e), 0);
  const billed = billableMinutesOfEntries(stopped, weeklyLimitHours);
  const billableMinutes = [...billed.values()].reduce((sum, m) => sum + m, 0);
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
    runningMinutes: running ? minutesOf({ startedAt: running.startedAt, endedAt: at }) : null,
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
    .select({ id: timeEntries.id, startedAt: timeEntries.startedAt, endedAt: timeEntries.endedAt })
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
