import { csvField, csvText } from '@/lib/ledger/history';
import { centsToDollarInput } from '@/lib/money/money';
import type { EarningsGrouping, EarningsRow } from './earnings';
import type { SpendingGrouping, SpendingRow } from './spending';

/** RFC 4180 with CRLF, as the transaction history export; amounts in dollars, two decimals. */
function csv(header: string[], lines: string[][]): string {
  return [header, ...lines].map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

const FIRST_COLUMN: Record<EarningsGrouping | SpendingGrouping, string> = {
  week: 'Week (ISO, UTC)',
  month: 'Month (UTC)',
  client: 'Client',
  contract: 'Contract',
};

/** A week is labelled with its ISO week and its Monday; a name is text someone typed. */
function firstCells(
  grouping: EarningsGrouping | SpendingGrouping,
  row: { key: string; label: string },
) {
  if (grouping === 'week') return [csvField(row.label), csvField(row.key)];
  if (grouping === 'month') return [csvField(row.label)];
  return [csvText(row.label)];
}

function firstHeader(grouping: EarningsGrouping | SpendingGrouping): string[] {
  return grouping === 'week'
    ? [FIRST_COLUMN.week, 'Week starts (Monday)']
    : [FIRST_COLUMN[grouping]];
}

export function earningsCsv(grouping: EarningsGrouping, rows: EarningsRow[]): string {
  return csv(
    [...firstHeader(grouping), 'Gross', 'Fee', 'Net', 'Currency'].map(csvField),
    rows.map((r) => [
      ...firstCells(grouping, r),
      csvField(centsToDollarInput(r.grossCents)),
      csvField(centsToDollarInput(r.feeCents)),
      csvField(centsToDollarInput(r.netCents)),
      csvField(r.currency),
    ]),
  );
}

export function spendingCsv(grouping: SpendingGrouping, rows: SpendingRow[]): string {
  return csv(
    [...firstHeader(grouping), 'Charged', 'Refunded', 'Spent', 'Currency'].map(csvField),
    rows.map((r) => [
      ...firstCells(grouping, r),
      csvField(centsToDollarInput(r.chargedCents)),
      csvField(centsToDollarInput(r.refundedCents)),
      csvField(centsToDollarInput(r.spentCents)),
      csvField(r.currency),
    ]),
  );
}
