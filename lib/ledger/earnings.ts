import { and, eq, gte, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { param, preparedQuery } from '@/db/prepared';
import { contracts, ledgerBalances, ledgerEntries, ledgerTransactions } from '@/db/schema';
import { accounts } from './accounts';

/*
 * The balance page (SPEC 4.E): what the ledger says the freelancer has, in one statement
 * for the figures and one for the chart, both aggregated in SQL so five years of weekly
 * invoices cost the same round trips as one week.
 *
 * Escrow is shown as its own figure ("in escrow"): it is money a client funded for a
 * milestone not yet approved, which is neither under weekly review nor released.
 */

export type PendingItem = { cents: number; availableAt: Date };

export type EarningsFigures = {
  inReviewCents: number;
  inEscrowCents: number;
  pendingCents: number;
  availableCents: number;
  withdrawingCents: number;
  /** Each pending amount with the date it becomes available, soonest first. */
  pending: PendingItem[];
};

const n = (v: unknown) => Number(v ?? 0);

/**
 * The figures and the pending list in one statement (USD: the platform's only currency).
 * The balances are the kept ones (ledger_balance: one row per account, written with the
 * entries by ledger_post and checked against their sums by ledger:check): summing five years
 * of entries on every view was most of the page's cost (docs/EARNINGS.md). Prepared:
 * building it cost about as much as running it.
 */
export async function loadEarningsFigures(
  db: DbOrTx,
  freelancerId: string,
): Promise<EarningsFigures> {
  const query = preparedQuery(db, 'loadEarningsFigures', (db) => {
    const contractCodes = (suffix: 'in_review' | 'escrow') =>
      sql`(select 'contract:' || ${contracts.id}::text || ${':' + suffix} from ${contracts} where ${contracts.freelancerId} = ${param('freelancerId')})`;
    const balance = db.$with('balance').as(
      db
        .select({
          code: ledgerBalances.code,
          cents: sql<string>`${ledgerBalances.cents}`.as('cents'),
        })
        .from(ledgerBalances)
        .where(
          and(
            eq(ledgerBalances.currency, 'USD'),
            or(
              inArray(ledgerBalances.code, [
                param('pending'),
                param('available'),
                param('withdrawing'),
              ]),
              sql`${ledgerBalances.code} in ${contractCodes('in_review')}`,
              sql`${ledgerBalances.code} in ${contractCodes('escrow')}`,
            ),
          ),
        ),
    );
    const sumWhere = (cond: ReturnType<typeof sql>) =>
      sql<string>`coalesce(sum(${balance.cents}) filter (where ${cond}), 0)`;
    return db
      .with(balance)
      .select({
        pending: sumWhere(sql`${balance.code} = ${param('pending')}`),
        available: sumWhere(sql`${balance.code} = ${param('available')}`),
        withdrawing: sumWhere(sql`${balance.code} = ${param('withdrawing')}`),
        inReview: sumWhere(sql`${balance.code} like '%:in_review'`),
        escrow: sumWhere(sql`${balance.code} like '%:escrow'`),
        list: sql<string>`(select coalesce(json_agg(json_build_array(p.amount_cents, p.available_at) order by p.available_at), '[]')::text
          from pending_release p where p.freelancer_id = ${param('freelancerId')} and p.made_available_at is null)`,
      })
      .from(balance);
  });
  const [row] = await query.execute({
    freelancerId,
    pending: accounts.pending(freelancerId),
    available: accounts.available(freelancerId),
    withdrawing: accounts.withdrawing(freelancerId),
  });
  const list = JSON.parse(row?.list ?? '[]') as [number, string][];
  return {
    inReviewCents: n(row?.inReview),
    inEscrowCents: n(row?.escrow),
    pendingCents: n(row?.pending),
    availableCents: n(row?.available),
    withdrawingCents: n(row?.withdrawing),
    pending: list.map(([cents, at]) => ({ cents: Number(cents), availableAt: new Date(at) })),
  };
}

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/;

export type EarningsBucket = {
  period: 'week' | 'month';
  /** The first day of the week (Monday) or month, in the freelancer's zone, YYYY-MM-DD. */
  start: string;
  netCents: number;
};

/**
 * Net released to the freelancer (releases and bonuses into pending) by week and by month
 * of the release, in their time zone; one statement with grouping sets.
 */
export async function loadEarningsBuckets(
  db: DbOrTx,
  freelancerId: string,
  timeZone: string,
  /** Only releases from this moment on (the page draws the last 24 months, not all years). */
  since?: Date,
): Promise<EarningsBucket[]> {
  // The zone is written into the statement, not bound: grouping sets match expressions by
  // text, and two placeholders of the same value are different expressions. The pattern
  // admits IANA names only, so nothing else can reach the SQL.
  if (!ZONE_NAME.test(timeZone)) throw new Error(`Not a time zone name: "${timeZone}".`);
  // The entry's own effective_at (its transaction's): the range of the last 24 months is then
  // one range of ledger_entry_account_time_idx.
  const local = sql`(${ledgerEntries.effectiveAt} at time zone '${sql.raw(timeZone)}')`;
  const week = sql`to_char(date_trunc('week', ${local}), 'YYYY-MM-DD')`;
  const month = sql`to_char(date_trunc('month', ${local}), 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      week: sql<string | null>`${week}`,
      month: sql<string | null>`${month}`,
      cents: sql<string>`sum(${ledgerEntries.amountCents})`,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(
      and(
        eq(ledgerEntries.accountCode, accounts.pending(freelancerId)),
        inArray(ledgerTransactions.kind, ['release', 'bonus']),
        since ? gte(ledgerEntries.effectiveAt, since) : undefined,
      ),
    )
    .groupBy(sql`grouping sets ((${week}), (${month}))`)
    .orderBy(sql`1, 2`);
  return rows.map((r) => ({
    period: r.week ? ('week' as const) : ('month' as const),
    start: (r.week ?? r.month) as string,
    netCents: Number(r.cents),
  }));
}
