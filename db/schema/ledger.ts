// The double-entry ledger (SPEC 4.A) and the development clock's offset.
// Only lib/ledger/post.ts writes the ledger tables (eslint no-restricted-imports, and
// lib/ledger/only-post-writes.test.ts); the triggers of migration ledger_guards make them
// append-only and refuse an unbalanced transaction at commit.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/**
 * One account per code and currency, created on demand by the first posting that names
 * it. The code says whose money it is (lib/ledger/accounts.ts builds them); only `world:`
 * accounts may go negative. A balance is the sum of the entries; contract and freelancer
 * accounts also have it kept in ledger_balance (below), checked against that sum.
 */
export const ledgerAccounts = pgTable(
  'ledger_account',
  {
    code: text('code').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.currency] }),
    check(
      'ledger_account_code_known',
      sql`${t.code} ~ '^(world:(client_funding|payouts)|platform:(service_fees|withdrawal_fees)|contract:[0-9a-f-]{36}:(in_review|escrow)|freelancer:[0-9a-f-]{36}:(pending|available|withdrawing))$'`,
    ),
    check('ledger_account_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const ledgerTransactions = pgTable(
  'ledger_transaction',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull(),
    // What moved the money (an invoice, a milestone, a withdrawal …) and how: the same
    // source cannot be charged or released twice, whatever key a retry brings.
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    kind: text('kind').notNull(),
    memo: text('memo'),
    effectiveAt: timestamp('effective_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('ledger_transaction_idempotency_key_uq').on(t.idempotencyKey),
    unique('ledger_transaction_source_kind_uq').on(t.sourceType, t.sourceId, t.kind),
    index('ledger_transaction_effective_idx').on(t.effectiveAt, t.id),
    check('ledger_transaction_kind_word', sql`${t.kind} ~ '^[a-z][a-z_]{1,39}$'`),
    check('ledger_transaction_source_type_word', sql`${t.sourceType} ~ '^[a-z][a-z_]{1,39}$'`),
    check('ledger_transaction_key_length', sql`length(${t.idempotencyKey}) between 1 and 200`),
  ],
);

export const ledgerEntries = pgTable(
  'ledger_entry',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    transactionId: uuid('transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id),
    accountCode: text('account_code').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    // Signed: positive adds to the account, negative takes from it.
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    // The transaction's effective_at, copied by the posting function; a trigger refuses any other
    // value. So an account's latest entries are one index range: the balance page's
    // timeline reads its page from ledger_entry_account_time_idx.
    effectiveAt: timestamp('effective_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: 'ledger_entry_account_fk',
      columns: [t.accountCode, t.currency],
      foreignColumns: [ledgerAccounts.code, ledgerAccounts.currency],
    }),
    index('ledger_entry_transaction_idx').on(t.transactionId),
    index('ledger_entry_account_idx').on(t.accountCode, t.currency),
    index('ledger_entry_account_time_idx').on(t.accountCode, t.effectiveAt, t.transactionId),
    // Freelancers' available accounts only, with the amount, so the 180-day rule of
    // automatic withdrawals (freelancersWithAvailableUntouchedSince in lib/ledger/queries.ts)
    // reads their credits and withdrawals from this index instead of the whole table. The
    // query repeats this predicate word for word (AVAILABLE_ENTRY) for the planner to match.
    index('ledger_entry_available_idx')
      .on(t.accountCode, t.transactionId, t.amountCents)
      .where(sql`${t.accountCode} like 'freelancer:%:available'`),
    check('ledger_entry_amount_not_zero', sql`${t.amountCents} <> 0`),
  ],
);

/**
 * The balance of each contract and freelancer account, kept by ledger_post in the same
 * statement that writes the entries, so the balance page and the overdraft check read one
 * row instead of summing years of entries. `world:` and `platform:` accounts are not kept
 * here: every posting touches them, and one row each would make all postings wait for each
 * other; their balances are still the sums. `npm run ledger:check` compares every row with
 * the sum of its entries (SPEC 4.A: a cached balance only with a check that it equals the sum).
 */
export const ledgerBalances = pgTable(
  'ledger_balance',
  {
    code: text('code').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    cents: bigint('cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.currency] }),
    foreignKey({
      name: 'ledger_balance_account_fk',
      columns: [t.code, t.currency],
      foreignColumns: [ledgerAccounts.code, ledgerAccounts.currency],
    }),
    check('ledger_balance_kept_accounts', sql`${t.code} ~ '^(contract|freelancer):'`),
  ],
);

/**
 * Development only: how far the app's clock runs ahead of the real one, shared by every
 * process (lib/clock). One row at most; production never reads it.
 */
export const devClock = pgTable(
  'dev_clock',
  {
    id: boolean('id').primaryKey().default(true),
    offsetMs: bigint('offset_ms', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('dev_clock_one_row', sql`${t.id}`)],
);
