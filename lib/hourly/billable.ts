/**
 * Billable time of one week (SPEC 4.C): minutes per UTC day, in the order worked, up to the
 * weekly limit; time past the limit is "over the limit, not billed". A contract with no limit
 * is capped at the week's 168 hours. Pure: the caller passes the week's finished entries.
 */
export const NO_LIMIT_WEEKLY_HOURS = 168;

export type BillableEntry = { startedAt: Date; endedAt: Date | null };
export type BillableDay = { workDate: string; minutes: number };

export function billableDays(
  entries: readonly BillableEntry[],
  weeklyLimitHours: number | null,
): BillableDay[] {
  let left = (weeklyLimitHours ?? NO_LIMIT_WEEKLY_HOURS) * 60;
  const days = new Map<string, number>();
  const finished = entries
    .filter((entry): entry is { startedAt: Date; endedAt: Date } => entry.endedAt !== null)
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  for (const entry of finished) {
    const minutes = Math.min(
      left,
      Math.floor((entry.endedAt.getTime() - entry.startedAt.getTime()) / 60_000),
    );
    if (minutes <= 0) continue;
    left -= minutes;
    const workDate = entry.startedAt.toISOString().slice(0, 10);
    days.set(workDate, (days.get(workDate) ?? 0) + minutes);
  }
  return [...days].map(([workDate, minutes]) => ({ workDate, minutes }));
}
