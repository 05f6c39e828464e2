import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { invoiceLines, timeEntries } from '@/db/schema';
import { billableMinutesOfEntries } from './billable';

export type InvoicedEntry = {
  id: string;
  workDate: string;
  startedAt: Date;
  endedAt: Date;
  kind: 'tracked' | 'manual';
  memo: string;
  /** Billable minutes (within the weekly limit) and the gross they stand for on the invoice. */
  minutes: number;
  amountCents: number;
};

/**
 * The entries of an hourly invoice with the gross each stands for. The invoice's lines are
 * per day, so each day's stored amount is shared among that day's billable entries in
 * proportion to their minutes, cumulatively rounded: the entries of a day add up to its line
 * to the cent, whatever rounding made the line. Minutes come from billableMinutesOfEntries,
 * the function the invoice's lines were built from (lib/hourly/billable.ts).
 */
export async function listInvoicedEntries(
  db: DbOrTx,
  invoiceId: string,
  weeklyLimitHours: number | null,
): Promise<InvoicedEntry[]> {
  const rows = await db
    .select()
    .from(timeEntries)
    .where(and(eq(timeEntries.invoiceId, invoiceId), isNotNull(timeEntries.endedAt)))
    .orderBy(asc(timeEntries.startedAt), asc(timeEntries.id));
  const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId));
  const lineOfDay = new Map(lines.map((line) => [line.workDate, line]));
  const finished = rows.map((row) => ({ ...row, endedAt: row.endedAt! }));
  const billed = billableMinutesOfEntries(finished, weeklyLimitHours);

  const byDay = new Map<string, typeof finished>();
  for (const row of finished) {
    const day = row.startedAt.toISOString().slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), row]);
  }
  const result: InvoicedEntry[] = [];
  for (const [workDate, dayRows] of byDay) {
    const line = lineOfDay.get(workDate);
    const dayMinutes = dayRows.reduce((sum, row) => sum + (billed.get(row.id) ?? 0), 0);
    let minutesSoFar = 0;
    let centsSoFar = 0;
    for (const row of dayRows) {
      const minutes = billed.get(row.id) ?? 0;
      minutesSoFar += minutes;
      const cumulative =
        line && dayMinutes > 0 ? Math.round((line.amountCents * minutesSoFar) / dayMinutes) : 0;
      result.push({
        id: row.id,
        workDate,
        startedAt: row.startedAt,
        endedAt: row.endedAt,
        kind: row.kind,
        memo: row.memo,
        minutes,
        amountCents: cumulative - centsSoFar,
      });
      centsSoFar = cumulative;
    }
  }
  return result;
}

/** The entries grouped by UTC day, in order, for the review page. */
export function groupByDay(entries: InvoicedEntry[]) {
  const days = new Map<string, InvoicedEntry[]>();
  for (const entry of entries)
    days.set(entry.workDate, [...(days.get(entry.workDate) ?? []), entry]);
  return [...days.entries()].map(([workDate, dayEntries]) => ({
    workDate,
    entries: dayEntries,
    minutes: dayEntries.reduce((sum, e) => sum + e.minutes, 0),
  }));
}
