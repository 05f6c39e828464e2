import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

export type LedgerProblem =
  | { kind: 'unbalanced'; transactionId: string; currency: string; sumCents: number }
  | { kind: 'too-few-entries'; transactionId: string; entries: number }
  | { kind: 'total-not-zero'; currency: string; sumCents: number }
  | { kind: 'negative'; account: string; currency: string; balanceCents: number };

type Row = Record<string, unknown>;

function rowsOf(result: unknown): Row[] {
  return Array.isArray(result) ? (result as Row[]) : (result as { rows: Row[] }).rows;
}

/**
 * Everything that must hold of the ledger as a whole, read from the entries themselves:
 * each transaction has two entries or more and sums to zero per currency, all accounts
 * together sum to zero, and no account but a world: one is below zero. The database
 * refuses the first two at commit and postTransaction the last under a lock; this is the
 * audit of both (`npm run ledger:check`, and the ledger's model test after every step).
 * Balances are not stored, so there is no cached figure to compare.
 */
export async function findLedgerProblems(db: DbOrTx): Promise<LedgerProblem[]> {
  const unbalanced = rowsOf(
    await db.execute(sql`
      select transaction_id, currency, sum(amount_cents)::text as sum
      from ledger_entry group by transaction_id, currency having sum(amount_cents) <> 0`),
  );
  const thin = rowsOf(
    await db.execute(sql`
      select t.id, count(e.id)::int as n from ledger_transaction t
      left join ledger_entry e on e.transaction_id = t.id
      group by t.id having count(e.id) < 2`),
  );
  const totals = rowsOf(
    await db.execute(sql`
      select currency, sum(amount_cents)::text as sum from ledger_entry
      group by currency having sum(amount_cents) <> 0`),
  );
  const negative = rowsOf(
    await db.execute(sql`
      select account_code, currency, sum(amount_cents)::text as sum from ledger_entry
      where account_code not like 'world:%'
      group by account_code, currency having sum(amount_cents) < 0`),
  );
  return [
    ...unbalanced.map((r) => ({
      kind: 'unbalanced' as const,
      transactionId: String(r.transaction_id),
      currency: String(r.currency),
      sumCents: Number(r.sum),
    })),
    ...thin.map((r) => ({
      kind: 'too-few-entries' as const,
      transactionId: String(r.id),
      entries: Number(r.n),
    })),
    ...totals.map((r) => ({
      kind: 'total-not-zero' as const,
      currency: String(r.currency),
      sumCents: Number(r.sum),
    })),
    ...negative.map((r) => ({
      kind: 'negative' as const,
      account: String(r.account_code),
      currency: String(r.currency),
      balanceCents: Number(r.sum),
    })),
  ];
}

export function describeProblem(problem: LedgerProblem): string {
  switch (problem.kind) {
    case 'unbalanced':
      return `transaction ${problem.transactionId} sums to ${problem.sumCents} ${problem.currency} cents`;
    case 'too-few-entries':
      return `transaction ${problem.transactionId} has ${problem.entries} entries`;
    case 'total-not-zero':
      return `all ${problem.currency} accounts together sum to ${problem.sumCents} cents`;
    case 'negative':
      return `${problem.account} holds ${problem.balanceCents} ${problem.currency} cents`;
  }
}
