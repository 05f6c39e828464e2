import { formatLongDate } from '@/lib/dates/format';
import type { InvoicedEntry } from '@/lib/hourly/entry-amounts';
import { formatMoney } from '@/lib/money/money';
import type { ReviewDay } from './review-forms';

const hours = (minutes: number) => `${(minutes / 60).toFixed(2)} h`;
const clock = (at: Date) => at.toISOString().slice(11, 16);

/** The review page's days as plain text for the form (UTC, as the week is). */
export function presentDays(
  days: { workDate: string; minutes: number; entries: InvoicedEntry[] }[],
  currency: string,
): ReviewDay[] {
  let position = 0;
  return days.map((day) => ({
    workDate: day.workDate,
    label: formatLongDate(new Date(`${day.workDate}T00:00:00Z`)),
    hours: hours(day.minutes),
    entries: day.entries.map((entry) => ({
      id: entry.id,
      position: position++,
      time: `${clock(entry.startedAt)}–${clock(entry.endedAt)} UTC`,
      memo: entry.memo,
      hours: hours(entry.minutes),
      amount: formatMoney(entry.amountCents, currency),
      billed: entry.minutes > 0,
    })),
  }));
}
