import { centsToDollarInput } from '@/lib/money/money';
import { csvField, csvText } from './history';
import type { EarningsGrouping, EarningsRow, SpendingGrouping, SpendingRow } from './reports';
import type { ReportPeriod } from './report-period';

/* The reports as CSV (RFC 4180, CRLF, every field quoted), amounts in dollars. */

const EARNINGS_FIRST_COLUMN: Record<EarningsGrouping, string> = {
  week: 'Week (ISO, UTC)',
  month: 'Month (UTC)',
  client: 'Client',
};
const SPENDING_FIRST_COLUMN: Record<SpendingGrouping, string> = {
  week: 'Week (ISO, UTC)',
  contract: 'Contract',
};

const toCsv = (header: string[], lines: string[][]) =>
  [header, ...lines].map((fields) => fields.join(',')).join('\r\n') + '\r\n';

export function earningsCsv(rows: EarningsRow[], by: EarningsGrouping): string {
  return toCsv(
    [EARNINGS_FIRST_COLUMN[by], 'Gross', 'Service fee', 'Net', 'Currency'].map(csvField),
    rows.map((r) => [
      csvText(r.label),
      csvField(centsToDollarInput(r.grossCents)),
      csvField(centsToDollarInput(r.feeCents)),
      csvField(centsToDollarInput(r.netCents)),
      csvField(r.currency),
    ]),
  );
}

export function spendingCsv(rows: SpendingRow[], by: SpendingGrouping): string {
  return toCsv(
    [SPENDING_FIRST_COLUMN[by], 'Spent (fees included, refunds subtracted)', 'Currency'].map(
      csvField,
    ),
    rows.map((r) => [
      csvText(r.label),
      csvField(centsToDollarInput(r.cents)),
      csvField(r.currency),
    ]),
  );
}

/** "workbridge-earnings-by-month-2026-01-to-2026-12.csv" */
export const reportFileName = (what: string, period: ReportPeriod) =>
  `workbridge-${what}-${period.fromMonth}-to-${period.toMonth}.csv`;
