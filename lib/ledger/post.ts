import { randomUUID } from 'node:crypto';
import { and, eq, or, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { ledgerEntries, ledgerTransactions } from '@/db/schema';
import { now } from '@/lib/clock';
import { mayGoNegative, type AccountCode } from './accounts';
import { LedgerError } from './errors';
import { isLedgerKind, type LedgerKind } from './kinds';

export type LedgerEntryInput = {
  account: AccountCode;
  /** Signed integer cents: positive adds to the account, negative takes from it. */
  cents: number;
  currency: string;
};

export type Posting = {
  /** The caller's idempotency key: a retry with the same key returns the first result. */
  key: string;
  /** What moved the money: one (source, kind) is posted once, whatever the key. */
  source: { type: string; id: string };
  kind: LedgerKind;
  /** When the money moves; the clock's time if not given. */
  effectiveAt?: Date;
  memo?: string;
  entries: LedgerEntryInput[];
};

export type Posted = { transactionId: string; effectiveAt: Date; replayed: boolean };

const CURRENCY = /^[A-Z]{3}$/;
const WORD = /^[a-z][a-z_]{1,39}$/;

/**
 * The only way money moves: one balanced ledger transaction, written inside the caller's
 * database transaction (so the invoice or withdrawal row that caused it commits with it).
 *
 * - A replay (same key, same source, kind and entries) returns the first result; the same
 *   key with anything else is a `key-reused` error; the same source and kind under another
 *   key is `source-already-posted`.
 * - Every platform account the posting takes from, then every contract and freelancer
 *   account it names (their kept balances, ledger_balance), is locked (FOR NO KEY UPDATE,
 *   which the entries' foreign-key checks do not wait for) in code order, so two postings
 *   never hold each other's locks; a posting is refused if it would take an account other
 *   than a world one below zero.
 * - New accounts are created in (code, currency) order, so concurrent postings wait for
 *   each other's new accounts in one order.
 * - The database checks again at commit that the transaction has two entries or more and
 *   sums to zero per currency (migrations ledger_guards and ledger_speed).
 *
 * The locks, the balance check and the writes (the kept balances too) are one call of the SQL
 * function ledger_post (migrations ledger_speed, ledger_balances), which runs them in that order: one statement instead of four
 * because `npm run bench:ledger` measured four at 22–25% of a raw two-row insert on PGlite
 * (target 40%), which parses and plans every statement of a transaction anew.
 */
export async function postTransaction(tx: Tx, posting: Posting): Promise<Posted> {
  const entries = checkPosting(posting);
  const transactionId = randomUUID();
  const effectiveAt = posting.effectiveAt ?? now();
  const written = await writeTransaction(tx, transactionId, effectiveAt, posting, entries);
  if (written.outcome === 'overdraft') {
    // A replay of a debit whose money has moved on since is still a replay, and a second
    // release of the same source is that, not an overdraft.
    if (await isPostedBefore(tx, posting)) return replay(tx, posting, entries);
    throw new LedgerError(
      'overdraft',
      `${written.account} holds ${written.balanceCents} ${written.currency} cents; the posting takes ${-amountTaken(entries, written)}.`,
    );
  }
  if (written.outcome === 'posted-before') return replay(tx, posting, entries);
  return { transactionId, effectiveAt, replayed: false };
}

type Written =
  | { outcome: 'posted' | 'posted-before' }
  | { outcome: 'overdraft'; account: string; currency: string; balanceCents: number };

/** What ledger_post did (its one row: see migration ledger_speed). */
async function writeTransaction(
  tx: Tx,
  transactionId: string,
  effectiveAt: Date,
  posting: Posting,
  entries: CheckedEntry[],
): Promise<Written> {
  const entriesJson = entries.map((e) => ({
    account: e.account,
    currency: e.currency,
    cents: e.amountCents,
    guarded: e.amountCents < 0 && !mayGoNegative(e.account),
  }));
  const result = await tx.execute(sql`
    select outcome, account, currency, balance_cents::text as balance_cents
    from ledger_post(${transactionId}, ${posting.key}, ${posting.source.type},
      ${posting.source.id}, ${posting.kind}, ${posting.memo ?? null},
      ${effectiveAt.toISOString()}::timestamptz, ${JSON.stringify(entriesJson)}::jsonb)`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    outcome: Written['outcome'];
    account: string | null;
    currency: string | null;
    balance_cents: string | null;
  }[];
  const [row] = rows;
  if (row.outcome !== 'overdraft') return { outcome: row.outcome };
  return {
    outcome: 'overdraft',
    account: String(row.account),
    currency: String(row.currency),
    balanceCents: Number(row.balance_cents),
  };
}

/** The cents the posting takes from the account ledger_post refused. */
function amountTaken(entries: CheckedEntry[], refused: { account: string; currency: string }) {
  const entry = entries.find(
    (e) => e.account === refused.account && e.currency === refused.currency,
  );
  return entry?.amountCents ?? 0;
}

/** Whether the posting's key, or its source and kind, was posted before. */
async function isPostedBefore(tx: Tx, posting: Posting): Promise<boolean> {
  const [row] = await tx
    .select({ id: ledgerTransactions.id })
    .from(ledgerTransactions)
    .where(
      or(
        eq(ledgerTransactions.idempotencyKey, posting.key),
        and(
          eq(ledgerTransactions.sourceType, posting.source.type),
          eq(ledgerTransactions.sourceId, posting.source.id),
          eq(ledgerTransactions.kind, posting.kind),
        ),
      ),
    )
    .limit(1);
  return Boolean(row);
}

type CheckedEntry = { account: string; currency: string; amountCents: number };

function invalid(message: string): never {
  throw new LedgerError('invalid', message);
}

/** The posting's entries in (account, currency) order, or an `invalid` error saying why. */
function checkPosting(posting: Posting): CheckedEntry[] {
  if (!posting.key || posting.key.length > 200) invalid('An idempotency key of 1–200 characters.');
  if (!isLedgerKind(posting.kind)) invalid(`Unknown ledger kind "${posting.kind}".`);
  if (!WORD.test(posting.source.type)) invalid(`Bad source type "${posting.source.type}".`);
  if (!posting.source.id) invalid('A source id is required.');
  if (posting.entries.length < 2) invalid('A ledger transaction needs two entries or more.');
  const sums = new Map<string, number>();
  const seen = new Set<string>();
  for (const entry of posting.entries) {
    if (!Number.isSafeInteger(entry.cents) || entry.cents === 0)
      invalid(`An entry is a non-zero whole number of cents, not ${entry.cents}.`);
    if (!CURRENCY.test(entry.currency)) invalid(`Bad currency "${entry.currency}".`);
    const id = `${entry.account} ${entry.currency}`;
    if (seen.has(id)) invalid(`${entry.account} appears twice in one transaction.`);
    seen.add(id);
    sums.set(entry.currency, (sums.get(entry.currency) ?? 0) + entry.cents);
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0) invalid(`The entries sum to ${sum} ${currency} cents, not zero.`);
  }
  return posting.entries
    .map((e) => ({ account: e.account, currency: e.currency, amountCents: e.cents }))
    .sort(byAccount);
}

function byAccount(a: CheckedEntry, b: CheckedEntry): number {
  if (a.account !== b.account) return a.account < b.account ? -1 : 1;
  return a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0;
}

/** The key or the source was posted before: the first result, or why this is not a replay. */
async function replay(tx: Tx, posting: Posting, entries: CheckedEntry[]): Promise<Posted> {
  const [first] = await tx
    .select()
    .from(ledgerTransactions)
    .where(eq(ledgerTransactions.idempotencyKey, posting.key));
  if (!first) {
    throw new LedgerError(
      'source-already-posted',
      `${posting.source.type} ${posting.source.id} already has a ${posting.kind} transaction.`,
    );
  }
  const stored = await tx
    .select({
      account: ledgerEntries.accountCode,
      currency: ledgerEntries.currency,
      amountCents: ledgerEntries.amountCents,
    })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.transactionId, first.id));
  const same =
    first.kind === posting.kind &&
    first.sourceType === posting.source.type &&
    first.sourceId === posting.source.id &&
    sameEntries(stored.sort(byAccount), entries);
  if (!same) {
    throw new LedgerError(
      'key-reused',
      `Idempotency key "${posting.key}" was used for a different posting.`,
    );
  }
  return { transactionId: first.id, effectiveAt: first.effectiveAt, replayed: true };
}

function sameEntries(a: CheckedEntry[], b: CheckedEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (e, i) =>
        e.account === b[i].account &&
        e.currency === b[i].currency &&
        e.amountCents === b[i].amountCents,
    )
  );
}
