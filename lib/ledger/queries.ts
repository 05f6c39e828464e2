import { and, eq, gt, inArray, like, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { ledgerEntries, ledgerTransactions } from '@/db/schema';
import type { AccountCode } from './accounts';

/** A balance is what the entries say: their sum (no balance is stored). */
export async function balanceOf(
  db: DbOrTx,
  account: AccountCode,
  currency = 'USD',
): Promise<number> {
  const [row] = await db
    .select({ cents: sql<string | null>`sum(${ledgerEntries.amountCents})` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.accountCode, account), eq(ledgerEntries.currency, currency)));
  return Number(row?.cents ?? 0);
}

/** The balances of several accounts in one currency; an account with no entries holds 0. */
export async function balancesOf(
  db: DbOrTx,
  codes: AccountCode[],
  currency = 'USD',
): Promise<Map<AccountCode, number>> {
  const balances = new Map<AccountCode, number>(codes.map((code) => [code, 0]));
  if (codes.length === 0) return balances;
  const rows = await db
    .select({
      account: ledgerEntries.accountCode,
      cents: sql<string>`sum(${ledgerEntries.amountCents})`,
    })
    .from(ledgerEntries)
    .where(and(inArray(ledgerEntries.accountCode, codes), eq(ledgerEntries.currency, currency)))
    .groupBy(ledgerEntries.accountCode);
  for (const row of rows) balances.set(row.account as AccountCode, Number(row.cents));
  return balances;
}

/**
 * Freelancers with money that came into their available account at or before `cutoff`
 * and no posting of kind `debitKind` (a withdrawal) on that account since: the 180-day
 * rule of automatic withdrawals asks this. Returns freelancer ids.
 */
export async function freelancersWithAvailableUntouchedSince(
  db: DbOrTx,
  cutoff: Date,
  debitKind: string,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ freelancerId: sql<string>`split_part(${ledgerEntries.accountCode}, ':', 2)` })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(
      and(
        like(ledgerEntries.accountCode, 'freelancer:%:available'),
        gt(ledgerEntries.amountCents, 0),
        lte(ledgerTransactions.effectiveAt, cutoff),
        sql`not exists (
          select 1 from ${ledgerEntries} later
          join ${ledgerTransactions} lt on lt.id = later.transaction_id
          where later.account_code = ${ledgerEntries.accountCode}
            and lt.kind = ${debitKind}
            and lt.effective_at >= ${ledgerTransactions.effectiveAt})`,
      ),
    );
  return rows.map((r) => r.freelancerId);
}
