import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { contracts, invoices } from '@/db/schema';
import type { ReportPeriod } from './period';
import { sumByCurrency } from './totals';

/** One row of a client's spending: invoices as charged, credit notes subtracted. */
export type SpendingRow = {
  key: string;
  label: string;
  currency: string;
  /** Gross of the invoices paid (fees included, as charged). */
  chargedCents: number;
  /** Gross of the credit notes issued (refunds). */
  refundedCents: number;
  /** charged − refunded. */
  spentCents: number;
};

export type SpendingGrouping = 'contract' | 'week';

/**
 * The workspace's spending in the period, by contract or by ISO week. Counts every invoice
 * paid (hourly weeks, milestone fundings, bonuses) at its stored gross, dated when it was
 * paid, and subtracts every credit note at its gross, dated when it was issued (a credit
 * note is settled when issued). Unpaid and failed invoices are not spending. UTC.
 */
export async function spendingBy(
  db: DbOrTx,
  workspaceId: string,
  period: ReportPeriod,
  grouping: SpendingGrouping,
): Promise<SpendingRow[]> {
  const isCredit = sql`${invoices.kind} = 'credit_note'`;
  const at = sql`(case when ${isCredit} then ${invoices.issuedAt} else ${invoices.paidAt} end)`;
  const group =
    grouping === 'week'
      ? {
          key: sql<string>`to_char(date_trunc('week', ${at} at time zone 'UTC'), 'YYYY-MM-DD')`,
          label: sql<string>`to_char(date_trunc('week', ${at} at time zone 'UTC'), 'IYYY-"W"IW')`,
        }
      : { key: sql<string>`${contracts.id}::text`, label: sql<string>`${contracts.title}` };
  const rows = await db
    .select({
      key: group.key,
      label: group.label,
      currency: invoices.currency,
      chargedCents:
        sql<number>`coalesce(sum(${invoices.grossCents}) filter (where not ${isCredit}), 0)`.mapWith(
          Number,
        ),
      refundedCents:
        sql<number>`coalesce(sum(${invoices.grossCents}) filter (where ${isCredit}), 0)`.mapWith(
          Number,
        ),
    })
    .from(invoices)
    .innerJoin(contracts, eq(contracts.id, invoices.contractId))
    .where(
      and(
        eq(invoices.workspaceId, workspaceId),
        // The contract is the workspace's too: an invoice is never shown through another's.
        eq(contracts.workspaceId, workspaceId),
        // Credit notes are `paid` from the start; other invoices once their charge settled.
        eq(invoices.paymentStatus, 'paid'),
        sql`${at} >= ${period.from.toISOString()}::timestamptz`,
        sql`${at} < ${period.to.toISOString()}::timestamptz`,
      ),
    )
    .groupBy(group.key, group.label, invoices.currency)
    .orderBy(grouping === 'contract' ? asc(group.label) : asc(group.key), asc(invoices.currency));
  return rows.map((r) => ({ ...r, spentCents: r.chargedCents - r.refundedCents }));
}

export type SpendingTotals = {
  currency: string;
  chargedCents: number;
  refundedCents: number;
  spentCents: number;
};

/** Rows summed per currency (amounts in different currencies are never added together). */
export function spendingTotalsOf(rows: SpendingRow[]): SpendingTotals[] {
  return sumByCurrency(rows, ['chargedCents', 'refundedCents', 'spentCents']);
}
