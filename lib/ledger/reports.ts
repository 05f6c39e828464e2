import { and, asc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  clientWorkspaces,
  contracts,
  ledgerEntries,
  ledgerTransactions,
  pendingReleases,
} from '@/db/schema';
import { accounts } from './accounts';
import type { ReportPeriod } from './report-period';

/*
 * Earnings and spending reports, summed in SQL from the ledger (docs/REPORTS.md). Nothing
 * is recomputed: a freelancer's net is what reached their pending account, the fee what
 * the same posting gave platform:service_fees (the fee stored on the invoice at issue),
 * gross their sum. A client's spending is what left world:client_funding for their
 * contracts (charges, bonuses) less what came back (refunds). Buckets are UTC: months as
 * "2026-12", weeks as ISO weeks "2026-W49".
 */

export type EarningsRow = {
  key: string;
  label: string;
  currency: string;
  grossCents: number;
  feeCents: number;
  netCents: number;
};

export type SpendingRow = { key: string; label: string; currency: string; cents: number };

export type EarningsGrouping = 'week' | 'month' | 'client';
export type SpendingGrouping = 'week' | 'contract';

const cents = (expression: SQL) => sql<number>`coalesce(sum(${expression}), 0)::bigint`.mapWith(Number);

const isoWeek = (at: SQL | typeof ledgerTransactions.effectiveAt) =>
  sql<string>`to_char(${at} at time zone 'UTC', 'IYYY-"W"IW')`;
const utcMonth = (at: SQL | typeof ledgerTransactions.effectiveAt) =>
  sql<string>`to_char(${at} at time zone 'UTC', 'YYYY-MM')`;

/** One row per release (or bonus) paid to the freelancer in the period. */
function releasesOf(db: DbOrTx, freelancerId: string, period: ReportPeriod) {
  return db
    .select({
      at: ledgerTransactions.effectiveAt,
      workspaceId: contracts.workspaceId,
      currency: pendingReleases.currency,
      net: sql<number>`${pendingReleases.amountCents}`.as('net'),
      fee: sql<number>`coalesce((select sum(fe.amount_cents) from ${ledgerEntries} fe
        where fe.transaction_id = ${ledgerTransactions.id}
          and fe.account_code = ${accounts.serviceFees()}), 0)`.as('fee'),
    })
    .from(pendingReleases)
    .innerJoin(
      ledgerTransactions,
      and(
        eq(ledgerTransactions.sourceType, pendingReleases.sourceType),
        eq(ledgerTransactions.sourceId, pendingReleases.sourceId),
        inArray(ledgerTransactions.kind, ['release', 'bonus']),
      ),
    )
    .innerJoin(contracts, eq(contracts.id, pendingReleases.contractId))
    .where(
      and(
        eq(pendingReleases.freelancerId, freelancerId),
        gte(ledgerTransactions.effectiveAt, period.from),
        lt(ledgerTransactions.effectiveAt, period.to),
      ),
    )
    .as('r');
}

/** The freelancer's earnings in the period, by UTC week, UTC month or client, oldest first. */
export async function earningsReport(
  db: DbOrTx,
  freelancerId: string,
  period: ReportPeriod,
  by: EarningsGrouping,
): Promise<EarningsRow[]> {
  const r = releasesOf(db, freelancerId, period);
  const sums = {
    currency: r.currency,
    netCents: cents(sql`${r.net}`),
    feeCents: cents(sql`${r.fee}`),
  };
  const rows =
    by === 'client'
      ? await db
          .select({ key: clientWorkspaces.id, label: clientWorkspaces.name, ...sums })
          .from(r)
          .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, r.workspaceId))
          .groupBy(clientWorkspaces.id, clientWorkspaces.name, r.currency)
          .orderBy(asc(clientWorkspaces.name), asc(r.currency))
      : await (() => {
          const bucket = by === 'week' ? isoWeek(sql`${r.at}`) : utcMonth(sql`${r.at}`);
          return db
            .select({ key: bucket, label: bucket, ...sums })
            .from(r)
            .groupBy(bucket, r.currency)
            .orderBy(asc(bucket), asc(r.currency));
        })();
  return rows.map((row) => ({ ...row, grossCents: row.netCents + row.feeCents }));
}

/** One row per charge, bonus or refund on the workspace's contracts in the period. */
function movementsOf(db: DbOrTx, workspaceId: string, period: ReportPeriod) {
  const touchesContract = sql`exists (select 1 from ${ledgerEntries} ce
      where ce.transaction_id = ${ledgerTransactions.id}
        and ce.account_code in ('contract:' || ${contracts.id} || ':in_review',
                                'contract:' || ${contracts.id} || ':escrow'))
    or exists (select 1 from ${pendingReleases} pr
      where ${ledgerTransactions.kind} = 'bonus'
        and pr.source_type = ${ledgerTransactions.sourceType}
        and pr.source_id = ${ledgerTransactions.sourceId}
        and pr.contract_id = ${contracts.id})`;
  return db
    .select({
      at: ledgerTransactions.effectiveAt,
      contractId: contracts.id,
      title: contracts.title,
      currency: ledgerEntries.currency,
      // Leaving client funding is money spent; coming back (a refund) is negative spending.
      spent: sql<number>`-${ledgerEntries.amountCents}`.as('spent'),
    })
    .from(ledgerTransactions)
    .innerJoin(
      ledgerEntries,
      and(
        eq(ledgerEntries.transactionId, ledgerTransactions.id),
        eq(ledgerEntries.accountCode, accounts.clientFunding()),
      ),
    )
    .innerJoin(contracts, and(eq(contracts.workspaceId, workspaceId), touchesContract))
    .where(
      and(
        inArray(ledgerTransactions.kind, ['charge', 'bonus', 'refund']),
        gte(ledgerTransactions.effectiveAt, period.from),
        lt(ledgerTransactions.effectiveAt, period.to),
      ),
    )
    .as('m');
}

/** The client's spending in the period (refunds subtracted), by contract or UTC week. */
export async function spendingReport(
  db: DbOrTx,
  workspaceId: string,
  period: ReportPeriod,
  by: SpendingGrouping,
): Promise<SpendingRow[]> {
  const m = movementsOf(db, workspaceId, period);
  const total = { currency: m.currency, cents: cents(sql`${m.spent}`) };
  if (by === 'contract') {
    return db
      .select({ key: m.contractId, label: m.title, ...total })
      .from(m)
      .groupBy(m.contractId, m.title, m.currency)
      .orderBy(asc(m.title), asc(m.contractId), asc(m.currency));
  }
  const week = isoWeek(sql`${m.at}`);
  return db
    .select({ key: week, label: week, ...total })
    .from(m)
    .groupBy(week, m.currency)
    .orderBy(asc(week), asc(m.currency));
}
