import { formatLongDate } from '@/lib/dates/format';
import { localSpanText } from '@/lib/hourly/display';
import type { InvoicedEntry } from '@/lib/hourly/entry-amounts';
import { formatMoney } from '@/lib/money/money';
import type { ReviewDay } from './review-forms';

const hours = (minutes: number) => `${(minutes / 60).toFixed(2)} h`;
const clock = (at: Date) => at.toISOString().slice(11, 16);
const withLocal = (utc: string, local: string | null) => (local ? `${utc} (${local})` : utc);

/** The review page's days as plain text for the form: UTC, as the week is, then the reader's time. */
export function presentDays(
  days: { workDate: string; minutes: number; entries: InvoicedEntry[] }[],
  currency: string,
  timeZone: string,
): ReviewDay[] {
  let position = 0;
  return days.map((day) => ({
    workDate: day.workDate,
    label: formatLongDate(new Date(`${day.workDate}T00:00:00Z`)),
    hours: hours(day.minutes),
    entries: day.entries.map((entry) => ({
      id: entry.id,
      position: position++,
      time: withLocal(
        `${clock(entry.startedAt)}–${clock(entry.endedAt)} UTC`,
        localSpanText(entry.startedAt, entry.endedAt, timeZone),
      ),
      memo: entry.memo,
      hours: hours(entry.minutes),
      amount: formatMoney(entry.amountCents, currency),
      billed: entry.minutes > 0,
    })),
  }));
}
