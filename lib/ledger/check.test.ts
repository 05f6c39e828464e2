import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '@/tests/helpers/db';
import { accounts } from './accounts';
import { describeProblem, findLedgerProblems } from './check';
import { postTransaction } from './post';

/*
 * The audit sees a kept balance (ledger_balance) that no longer equals its entries' sum.
 * The stale rows are written by hand inside a transaction that is rolled back.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const freelancer = randomUUID();
const contract = randomUUID();

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.transaction(async (tx) => {
    await postTransaction(tx, {
      key: randomUUID(),
      source: { type: 'invoice', id: randomUUID() },
      kind: 'charge',
      entries: [
        { account: accounts.clientFunding(), cents: -1000, currency: 'USD' },
        { account: accounts.inReview(contract), cents: 1000, currency: 'USD' },
      ],
    });
    await postTransaction(tx, {
      key: randomUUID(),
      source: { type: 'invoice', id: randomUUID() },
      kind: 'release',
      entries: [
        { account: accounts.inReview(contract), cents: -1000, currency: 'USD' },
        { account: accounts.serviceFees(), cents: 50, currency: 'USD' },
        { account: accounts.pending(freelancer), cents: 950, currency: 'USD' },
      ],
    });
  });
});
afterAll(() => database.dispose());

class RollBack extends Error {}

/** The problems found after `statement`, in a transaction that is then rolled back. */
async function problemsAfter(statement: ReturnType<typeof sql>): Promise<string[]> {
  let found: string[] = [];
  await database.db
    .transaction(async (tx) => {
      await tx.execute(statement);
      found = (await findLedgerProblems(tx)).map(describeProblem);
      throw new RollBack();
    })
    .catch((error) => {
      if (!(error instanceof RollBack)) throw error;
    });
  return found;
}

describe('the kept balances', () => {
  it('are the sums of the entries after postings', async () => {
    const rows = await database.executeSql(
      'select code, cents::text as cents from ledger_balance order by code',
      [],
    );
    expect(rows.rows).toEqual([
      { code: accounts.inReview(contract), cents: '0' },
      { code: accounts.pending(freelancer), cents: '950' },
    ]);
    expect(await findLedgerProblems(database.db)).toEqual([]);
  });

  it('are reported when a row differs from its entries', async () => {
    expect(
      await problemsAfter(
        sql`update ledger_balance set cents = cents + 1 where code = ${accounts.pending(freelancer)}`,
      ),
    ).toEqual([
      `${accounts.pending(freelancer)} keeps a balance of 951 USD cents; its entries sum to 950`,
    ]);
  });

  it('are reported when an account with entries has no row', async () => {
    expect(
      await problemsAfter(
        sql`delete from ledger_balance where code = ${accounts.inReview(contract)}`,
      ),
    ).toEqual([]);
    expect(
      await problemsAfter(
        sql`delete from ledger_balance where code = ${accounts.pending(freelancer)}`,
      ),
    ).toEqual([
      `${accounts.pending(freelancer)} keeps a balance of 0 USD cents; its entries sum to 950`,
    ]);
  });
});
