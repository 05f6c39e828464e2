/*
 * The period of a report: whole UTC months, from the first day of `from` to the end of
 * `to`, given as "2026-12" in a GET form. Default: the last 12 months, this one included.
 */

export type ReportPeriod = {
  fromMonth: string;
  toMonth: string;
  /** Inclusive start (the 1st of fromMonth, 00:00 UTC). */
  from: Date;
  /** Exclusive end (the 1st of the month after toMonth, 00:00 UTC). */
  to: Date;
};

export type PeriodResult = {
  period: ReportPeriod;
  /** A message per field when the input could not be used (the default is used instead). */
  fieldErrors: { from?: string; to?: string };
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MAX_MONTHS = 120;

const monthStart = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex, 1));
const monthKey = (date: Date) =>
  `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;

function parseMonth(value: string | undefined): Date | null {
  const match = value ? MONTH.exec(value.trim()) : null;
  return match ? monthStart(Number(match[1]), Number(match[2]) - 1) : null;
}

function periodOf(fromStart: Date, toStart: Date): ReportPeriod {
  return {
    fromMonth: monthKey(fromStart),
    toMonth: monthKey(toStart),
    from: fromStart,
    to: monthStart(toStart.getUTCFullYear(), toStart.getUTCMonth() + 1),
  };
}

export function defaultPeriod(today: Date): ReportPeriod {
  const toStart = monthStart(today.getUTCFullYear(), today.getUTCMonth());
  return periodOf(monthStart(today.getUTCFullYear(), today.getUTCMonth() - 11), toStart);
}

/** Reads ?from=YYYY-MM&to=YYYY-MM; a blank field takes the default's month. */
export function parsePeriod(
  params: { from?: string | string[]; to?: string | string[] },
  today: Date,
): PeriodResult {
  const fallback = defaultPeriod(today);
  const raw = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || '';
  const fromText = raw(params.from);
  const toText = raw(params.to);
  const fieldErrors: PeriodResult['fieldErrors'] = {};
  const fromStart = fromText ? parseMonth(fromText) : fallback.from;
  const toStart = toText ? parseMonth(toText) : parseMonth(fallback.toMonth);
  if (!fromStart) fieldErrors.from = 'Enter the first month as YYYY-MM, for example 2026-01.';
  if (!toStart) fieldErrors.to = 'Enter the last month as YYYY-MM, for example 2026-12.';
  if (fromStart && toStart) {
    const months =
      (toStart.getUTCFullYear() - fromStart.getUTCFullYear()) * 12 +
      toStart.getUTCMonth() -
      fromStart.getUTCMonth();
    if (months < 0) fieldErrors.to = 'The last month must be the first month or after it.';
    else if (months >= MAX_MONTHS) fieldErrors.to = 'Choose a period of at most 10 years.';
    else return { period: periodOf(fromStart, toStart), fieldErrors };
  }
  return { period: fallback, fieldErrors };
}
