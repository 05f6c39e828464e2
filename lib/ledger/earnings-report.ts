import { and, asc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  clientWorkspaces,
  contracts,
  ledgerEntries,
  ledgerTransactions,
  pendingReleases,
} from '@/db/schema';
import { accounts } from './accounts';

/** A span of time, `from` inclusive, `to` exclusive. */
export type TimeRange = { from: Date; to: Date };

/** One row of a freelancer's earnings: what the ledger posted, never recomputed. */
export type EarningsRow = {
  key: string;
  label: string;
  currency: string;
  grossCents: number;
  feeCents: number;
  netCents: number;
};

export type EarningsGrouping = 'week' | 'month' | 'client';

/** Postings that pay a freelancer: releases from review or escrow, and bonuses. */
const EARNING_KINDS = ['release', 'bonus'];

/**
 * The freelancer's earnings in the period, grouped by ISO week, UTC month or client. Each
 * release posting (lib/earnings/release.ts) credits the net to the freelancer's pending
 * account and the stored fee to platform:service_fees; its pending_release row names the
 * contract. Net and fee are those entries summed in SQL; gross is their sum (the posting's
 * other leg). Dated by the posting's effective time, in UTC.
 */
export async function earningsBy(
  db: DbOrTx,
  freelancerId: string,
  period: TimeRange,
  grouping: EarningsGrouping,
): Promise<EarningsRow[]> {
  const pending = accounts.pending(freelancerId);
  const fees = accounts.serviceFees();
  const utc = sql`(${ledgerTransactions.effectiveAt} at time zone 'UTC')`;
  const group =
    grouping === 'week'
      ? {
          key: sql<string>`to_char(date_trunc('week', ${utc}), 'YYYY-MM-DD')`,
          label: sql<string>`to_char(date_trunc('week', ${utc}), 'IYYY-"W"IW')`,
        }
      : grouping === 'month'
        ? {
            key: sql<string>`to_char(date_trunc('month', ${utc}), 'YYYY-MM')`,
            label: sql<string>`to_char(date_trunc('month', ${utc}), 'YYYY-MM')`,
          }
        : {
            key: sql<string>`${clientWorkspaces.id}::text`,
            label: sql<string>`${clientWorkspaces.name}`,
          };
  const rows = await db
    .select({
      key: group.key,
      label: group.label,
      currency: ledgerEntries.currency,
      netCents:
        sql<number>`coalesce(sum(${ledgerEntries.amountCents}) filter (where ${ledgerEntries.accountCode} = ${pending}), 0)`.mapWith(
          Number,
        ),
      feeCents:
        sql<number>`coalesce(sum(${ledgerEntries.amountCents}) filter (where ${ledgerEntries.accountCode} = ${fees}), 0)`.mapWith(
          Number,
        ),
    })
    .from(ledgerTransactions)
    .innerJoin(
      pendingReleases,
      and(
        eq(pendingReleases.sourceType, ledgerTransactions.sourceType),
        eq(pendingReleases.sourceId, ledgerTransactions.sourceId),
      ),
    )
    .innerJoin(ledgerEntries, eq(ledgerEntries.transactionId, ledgerTransactions.id))
    .innerJoin(contracts, eq(contracts.id, pendingReleases.contractId))
    .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, contracts.workspaceId))
    .where(
      and(
        eq(pendingReleases.freelancerId, freelancerId),
        inArray(ledgerTransactions.kind, EARNING_KINDS),
        or(eq(ledgerEntries.accountCode, pending), eq(ledgerEntries.accountCode, fees)),
        gte(ledgerTransactions.effectiveAt, period.from),
        lt(ledgerTransactions.effectiveAt, period.to),
      ),
    )
    .groupBy(group.key, group.label, ledgerEntries.currency)
    .orderBy(
      grouping === 'client' ? asc(group.label) : asc(group.key),
      asc(ledgerEntries.currency),
    );
  return rows.map((r) => ({ ...r, grossCents: r.netCents + r.feeCents }));
}
