import { now } from '@/lib/clock';

/** A report's period: whole UTC months, `from` inclusive, `to` exclusive. */
export type ReportPeriod = {
  /** YYYY-MM, as the month inputs show them. */
  fromMonth: string;
  toMonth: string;
  from: Date;
  to: Date;
};

export type PeriodResult =
  | { ok: true; period: ReportPeriod }
  | { ok: false; period: ReportPeriod; fieldErrors: { from?: string; to?: string } };

/** A span longer than this is refused: the weekly table would run to hundreds of rows. */
export const MAX_MONTHS = 36;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const monthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1));
const monthLabel = (at: Date) => at.toISOString().slice(0, 7);

function parseMonth(value: string): Date | null {
  const match = MONTH.exec(value.trim());
  return match ? monthStart(Number(match[1]), Number(match[2]) - 1) : null;
}

function periodOf(from: Date, lastMonth: Date): ReportPeriod {
  return {
    fromMonth: monthLabel(from),
    toMonth: monthLabel(lastMonth),
    from,
    to: monthStart(lastMonth.getUTCFullYear(), lastMonth.getUTCMonth() + 1),
  };
}

/** The last 12 months, this one included (UTC). */
export function defaultPeriod(at: Date = now()): ReportPeriod {
  const thisMonth = monthStart(at.getUTCFullYear(), at.getUTCMonth());
  return periodOf(monthStart(at.getUTCFullYear(), at.getUTCMonth() - 11), thisMonth);
}

/**
 * The period a GET form asked for (`from`, `to`: YYYY-MM). Missing fields take the default;
 * a malformed or reversed one is an error next to its field, and the default is shown.
 */
export function parsePeriod(input: { from?: string; to?: string }, at: Date = now()): PeriodResult {
  const fallback = defaultPeriod(at);
  const from = input.from ? parseMonth(input.from) : parseMonth(fallback.fromMonth);
  const to = input.to ? parseMonth(input.to) : parseMonth(fallback.toMonth);
  const fieldErrors: { from?: string; to?: string } = {};
  if (!from) fieldErrors.from = 'Enter the first month as YYYY-MM, e.g. 2026-01.';
  if (!to) fieldErrors.to = 'Enter the last month as YYYY-MM, e.g. 2026-12.';
  if (from && to) {
    const months =
      (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
    if (months < 0) fieldErrors.to = 'The last month cannot come before the first.';
    else if (months >= MAX_MONTHS) fieldErrors.to = `Choose at most ${MAX_MONTHS} months.`;
  }
  if (!from || !to || fieldErrors.to) return { ok: false, period: fallback, fieldErrors };
  return { ok: true, period: periodOf(from, to) };
}

/** "January 2026 to December 2026" (UTC months). */
export function describePeriod(period: ReportPeriod): string {
  const name = (month: string) =>
    new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-US', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  return period.fromMonth === period.toMonth
    ? name(period.fromMonth)
    : `${name(period.fromMonth)} to ${name(period.toMonth)}`;
}

/** The period as a query string, for the CSV and PDF links. */
export function periodQuery(period: ReportPeriod): string {
  return `from=${period.fromMonth}&to=${period.toMonth}`;
}
