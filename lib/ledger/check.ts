import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

export type LedgerProblem =
  | { kind: 'unbalanced'; transactionId: string; currency: string; sumCents: number }
  | { kind: 'too-few-entries'; transactionId: string; entries: number }
  | { kind: 'total-not-zero'; currency: string; sumCents: number }
  | { kind: 'negative'; account: string; currency: string; balanceCents: number }
  | {
      kind: 'stale-balance';
      account: string;
      currency: string;
      keptCents: number;
      sumCents: number;
    }
  | { kind: 'entry-time'; transactionId: string };

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
 * Also: every kept balance (ledger_balance, contract and freelancer accounts) equals the sum
 * of its account's entries, and every entry carries its transaction's effective_at.
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
  // The readers take a missing row for 0, so a row is compared as 0 where it is missing, and
  // the entries' sum as 0 where there are none.
  const stale = rowsOf(
    await db.execute(sql`
      select coalesce(b.code, s.account_code) as account, coalesce(b.currency, s.currency) as currency,
        coalesce(b.cents, 0)::text as kept, coalesce(s.sum, 0)::text as sum
      from ledger_balance b
      full join (select account_code, currency, sum(amount_cents) as sum from ledger_entry
        where account_code ~ '^(contract|freelancer):' group by account_code, currency) s
        on s.account_code = b.code and s.currency = b.currency
      where coalesce(b.cents, 0) <> coalesce(s.sum, 0)`),
  );
  const mistimed = rowsOf(
    await db.execute(sql`
      select distinct t.id from ledger_entry e join ledger_transaction t on t.id = e.transaction_id
      where e.effective_at <> t.effective_at`),
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
    ...stale.map((r) => ({
      kind: 'stale-balance' as const,
      account: String(r.account),
      currency: String(r.currency),
      keptCents: Number(r.kept),
      sumCents: Number(r.sum),
    })),
    ...mistimed.map((r) => ({ kind: 'entry-time' as const, transactionId: String(r.id) })),
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
    case 'stale-balance':
      return `${problem.account} keeps a balance of ${problem.keptCents} ${problem.currency} cents; its entries sum to ${problem.sumCents}`;
    case 'entry-time':
      return `transaction ${problem.transactionId} has an entry whose effective_at is not its own`;
  }
}
