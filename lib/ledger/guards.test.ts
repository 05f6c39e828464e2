import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '@/tests/helpers/db';
import { accounts } from './accounts';
import { postTransaction } from './post';

/*
 * The database's own guards (migrations ledger_guards and ledger_speed), tried with raw SQL
 * that goes around postTransaction: append-only tables, at commit two entries or more
 * summing to zero per currency, and no entry added to a transaction committed earlier.
 * Runs on PGlite and, with TEST_DATABASE_URL, on the server.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const contract = randomUUID();
let committedId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const posted = await database.db.transaction((tx) =>
    postTransaction(tx, {
      key: randomUUID(),
      source: { type: 'invoice', id: randomUUID() },
      kind: 'charge',
      entries: [
        { account: accounts.clientFunding(), cents: -900, currency: 'USD' },
        { account: accounts.inReview(contract), cents: 900, currency: 'USD' },
      ],
    }),
  );
  committedId = posted.transactionId;
  await database.executeSql(
    "insert into ledger_account (code, currency) values ('platform:service_fees', 'USD'), ('platform:service_fees', 'EUR') on conflict do nothing",
    [],
  );
});
afterAll(() => database.dispose());

async function rawTransaction(statements: ReturnType<typeof sql>[]): Promise<void> {
  await database.db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(statement);
  });
}

/** The database's message: Drizzle wraps it in a "Failed query" error as its cause. */
async function refusal(statements: ReturnType<typeof sql>[]): Promise<string> {
  try {
    await rawTransaction(statements);
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return `${(error as Error).message} ${cause?.message ?? ''}`;
  }
  return 'committed';
}

const newTransaction = (id: string) =>
  sql`insert into ledger_transaction (id, idempotency_key, source_type, source_id, kind, effective_at)
      values (${id}, ${randomUUID()}, 'test', ${randomUUID()}, 'fee', now())`;
const entry = (id: string, account: string, cents: number, currency = 'USD') =>
  sql`insert into ledger_entry (transaction_id, account_code, currency, amount_cents, effective_at)
      values (${id}, ${account}, ${currency}, ${cents}, now())`;

describe('ledger guards in the database', () => {
  it.each([
    ['an update of an entry', sql`update ledger_entry set amount_cents = amount_cents + 1`],
    ['a delete of an entry', sql`delete from ledger_entry`],
    ['a truncate of the entries', sql`truncate ledger_entry`],
    ['an update of a transaction', sql`update ledger_transaction set memo = 'x'`],
    ['a delete of a transaction', sql`delete from ledger_transaction`],
    ['a truncate of the transactions', sql`truncate ledger_transaction cascade`],
    ['a delete of an account', sql`delete from ledger_account`],
    ['a truncate of the accounts', sql`truncate ledger_account cascade`],
  ])('refuses %s', async (_name, statement) => {
    expect(await refusal([statement])).toMatch(/append-only/);
  });

  it('refuses at commit a transaction whose entries do not sum to zero', async () => {
    const id = randomUUID();
    expect(
      await refusal([
        newTransaction(id),
        entry(id, accounts.clientFunding(), -100),
        entry(id, accounts.serviceFees(), 99),
      ]),
    ).toMatch(/does not sum to zero/);
  });

  it('refuses at commit a transaction balanced only across currencies', async () => {
    const id = randomUUID();
    expect(
      await refusal([
        newTransaction(id),
        entry(id, accounts.clientFunding(), -100),
        entry(id, accounts.serviceFees(), 100, 'EUR'),
      ]),
    ).toMatch(/does not sum to zero/);
  });

  it('refuses at commit a transaction with fewer than two entries', async () => {
    const id = randomUUID();
    expect(await refusal([newTransaction(id)])).toMatch(/two or more/);
  });

  it('refuses entries added later to a committed transaction', async () => {
    expect(
      await refusal([
        entry(committedId, accounts.clientFunding(), -5),
        entry(committedId, accounts.serviceFees(), 4),
      ]),
    ).toMatch(/was committed earlier/);
  });

  it('refuses entries added later to a committed transaction even when they sum to zero', async () => {
    expect(
      await refusal([
        entry(committedId, accounts.clientFunding(), -5),
        entry(committedId, accounts.serviceFees(), 5),
      ]),
    ).toMatch(/was committed earlier/);
    const rows = await database.executeSql(
      'select count(*)::int as n from ledger_entry where transaction_id = $1',
      [committedId],
    );
    expect(rows.rows[0].n).toBe(2);
  });

  it.each([
    ['at the top level', false],
    ['inside a savepoint', true],
  ])(
    'refuses an entry whose effective_at is not its transaction’s (%s)',
    async (_where, inSavepoint) => {
      const id = randomUUID();
      const statements = [
        newTransaction(id),
        entry(id, accounts.clientFunding(), -100),
        sql`insert into ledger_entry (transaction_id, account_code, currency, amount_cents, effective_at)
          values (${id}, ${accounts.serviceFees()}, 'USD', 100, now() - interval '1 day')`,
      ];
      const message = inSavepoint
        ? await refusal([sql`savepoint s`, ...statements, sql`release savepoint s`])
        : await refusal(statements);
      expect(message).toMatch(/has effective_at .* instead of its transaction/);
    },
  );

  it('commits a transaction written by hand inside a savepoint', async () => {
    const id = randomUUID();
    await database.db.transaction(async (tx) => {
      await tx.transaction(async (inner) => {
        await inner.execute(newTransaction(id));
        await inner.execute(entry(id, accounts.clientFunding(), -100));
        await inner.execute(entry(id, accounts.serviceFees(), 100));
      });
    });
    const rows = await database.executeSql(
      'select count(*)::int as n from ledger_entry where transaction_id = $1',
      [id],
    );
    expect(rows.rows[0].n).toBe(2);
  });

  it('commits a balanced transaction written by hand, whatever the order of its rows', async () => {
    const id = randomUUID();
    await rawTransaction([
      sql`set constraints all deferred`,
      newTransaction(id),
      entry(id, accounts.clientFunding(), -100),
      entry(id, accounts.serviceFees(), 100),
    ]);
    const rows = await database.executeSql(
      'select count(*)::int as n from ledger_entry where transaction_id = $1',
      [id],
    );
    expect(rows.rows[0].n).toBe(2);
  });
});
