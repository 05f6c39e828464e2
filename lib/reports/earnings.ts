export { earningsBy, type EarningsGrouping, type EarningsRow } from '@/lib/ledger/earnings-report';

export type Totals = { currency: string; grossCents: number; feeCents: number; netCents: number };

/** Rows summed per currency (amounts in different currencies are never added together). */
export function totalsOf(rows: Totals[]): Totals[] {
  const byCurrency = new Map<string, Totals>();
  for (const row of rows) {
    const total = byCurrency.get(row.currency) ?? {
      currency: row.currency,
      grossCents: 0,
      feeCents: 0,
      netCents: 0,
    };
    total.grossCents += row.grossCents;
    total.feeCents += row.feeCents;
    total.netCents += row.netCents;
    byCurrency.set(row.currency, total);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
