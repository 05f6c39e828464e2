export { earningsBy, type EarningsGrouping, type EarningsRow } from '@/lib/ledger/earnings-report';

import { sumByCurrency } from './totals';

export type Totals = { currency: string; grossCents: number; feeCents: number; netCents: number };

/** Rows summed per currency (amounts in different currencies are never added together). */
export function totalsOf(rows: Totals[]): Totals[] {
  return sumByCurrency(rows, ['grossCents', 'feeCents', 'netCents']);
}
