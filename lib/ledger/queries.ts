import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { ledgerBalances, ledgerEntries, ledgerTransactions } from '@/db/schema';
import { isKeptBalance, type AccountCode } from './accounts';

/**
 * A balance is what the entries say: their sum. A contract or freelancer account's is read
 * from the balance ledger_post keeps with the entries (ledger_balance, checked against the
 * sum by ledger:check): one row instead of years of entries.
 */
export async function balanceOf(
  db: DbOrTx,
  account: AccountCode,
  currency = 'USD',
): Promise<number> {
  return (await balancesOf(db, [account], currency)).get(account) ?? 0;
}

/** The balances of several accounts in one currency; an account with no entries holds 0. */
export async function balancesOf(
  db: DbOrTx,
  codes: AccountCode[],
  currency = 'USD',
): Promise<Map<AccountCode, number>> {
  const balances = new Map<AccountCode, number>(codes.map((code) => [code, 0]));
  const kept = codes.filter(isKeptBalance);
  const summed = codes.filter((code) => !isKeptBalance(code));
  if (kept.length > 0) {
    const rows = await db
      .select({ account: ledgerBalances.code, cents: ledgerBalances.cents })
      .from(ledgerBalances)
      .where(and(inArray(ledgerBalances.code, kept), eq(ledgerBalances.currency, currency)));
    for (const row of rows) balances.set(row.account as AccountCode, Number(row.cents));
  }
  if (summed.length > 0) {
    const rows = await db
      .select({
        account: ledgerEntries.accountCode,
        cents: sql<string>`sum(${ledgerEntries.amountCents})`,
      })
      .from(ledgerEntries)
      .where(and(inArray(ledgerEntries.accountCode, summed), eq(ledgerEntries.currency, currency)))
      .groupBy(ledgerEntries.accountCode);
    for (const row of rows) balances.set(row.account as AccountCode, Number(row.cents));
  }
  return balances;
}

/**
 * The partial index ledger_entry_available_idx (db/schema/ledger.ts) holds exactly the
 * entries this predicate selects. It is written out, not a bound parameter, so the planner
 * can see that the query's rows are the index's, in a generic plan too (prepared statements).
 */
const AVAILABLE_ENTRY = sql`${ledgerEntries.accountCode} like 'freelancer:%:available'`;

/**
 * Freelancers with money that came into their available account at or before `cutoff`
 * and no posting of kind `debitKind` (a withdrawal) on that account since: the 180-day
 * rule of automatic withdrawals asks this. Returns freelancer ids.
 *
 * One pass over the available accounts' entries (an index-only scan of
 * ledger_entry_available_idx), grouped by account: its latest credit at or before the
 * cutoff must be later than its latest withdrawal. That is the same as "some credit with no
 * withdrawal at or after it", since if any credit has none after it, the latest one has none.
 */
export async function freelancersWithAvailableUntouchedSince(
  db: DbOrTx,
  cutoff: Date,
  debitKind: string,
): Promise<string[]> {
  const at = ledgerTransactions.effectiveAt;
  const rows = await db
    .select({ freelancerId: sql<string>`split_part(${ledgerEntries.accountCode}, ':', 2)` })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(AVAILABLE_ENTRY)
    .groupBy(ledgerEntries.accountCode)
    .having(
      sql`max(${at}) filter (where ${and(gt(ledgerEntries.amountCents, 0), lte(at, cutoff))})
        > coalesce(max(${at}) filter (where ${eq(ledgerTransactions.kind, debitKind)}), '-infinity')`,
    );
  return rows.map((r) => r.freelancerId);
}
