import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '@/db/client';
import { createTestDatabase } from '@/tests/helpers/db';
import { accounts, type AccountCode } from './accounts';
import { findLedgerProblems, describeProblem } from './check';
import { isLedgerError } from './errors';
import { postTransaction, type Posting } from './post';
import { balanceOf } from './queries';

/*
 * Concurrent postings on the Postgres server (TEST_DATABASE_URL; PGlite runs one
 * transaction at a time, so there is nothing to race there). In the faults lane: the test
 * waits for a posting to be blocked on the account lock, which depends on the machine.
 */
const serverUrl = process.env.TEST_DATABASE_URL;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Database;

const fund = (account: AccountCode, cents: number): Posting => ({
  key: randomUUID(),
  source: { type: 'test', id: randomUUID() },
  kind: 'charge',
  entries: [
    { account: accounts.clientFunding(), cents: -cents, currency: 'USD' },
    { account, cents, currency: 'USD' },
  ],
});

const move = (from: AccountCode, to: AccountCode, cents: number): Posting => ({
  key: randomUUID(),
  source: { type: 'test', id: randomUUID() },
  kind: 'release',
  entries: [
    { account: from, cents: -cents, currency: 'USD' },
    { account: to, cents, currency: 'USD' },
  ],
});

const post = (db: Database, posting: Posting) =>
  db.db.transaction((tx) => postTransaction(tx, posting));

/** Resolves once some backend of this database waits for a row lock. */
async function untilSomeoneWaitsForALock(): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await database.executeSql(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and wait_event_type = 'Lock'`,
      [],
    );
    if (Number(rows[0].n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no posting ever waited for the account lock');
}

(serverUrl ? describe : describe.skip)('concurrent postings on the server', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = await openDatabase({ url: database.url!, max: 24 });
  });
  afterAll(async () => {
    await pool.close();
    await database.dispose();
  });

  it('lets exactly one of two debits through when together they would overdraw', async () => {
    const contract = randomUUID();
    const inReview = accounts.inReview(contract);
    await post(pool, fund(inReview, 1_000));
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    // The first debit holds its lock until the second is waiting for it: without the lock
    // the second would read the balance before the first commits and overdraw.
    const first = pool.db.transaction(async (tx) => {
      await postTransaction(tx, move(inReview, accounts.pending(randomUUID()), 700));
      await firstHolds;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = post(pool, move(inReview, accounts.pending(randomUUID()), 700));
    await untilSomeoneWaitsForALock();
    releaseFirst();
    const outcomes = await Promise.allSettled([first, second]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes[1] as PromiseRejectedResult;
    expect(isLedgerError(refused.reason, 'overdraft')).toBe(true);
    expect(await balanceOf(pool.db, inReview)).toBe(300);
  });

  it('lets exactly one of ten simultaneous overdrawing debits through', async () => {
    const escrow = accounts.escrow(randomUUID());
    await post(pool, fund(escrow, 1_000));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => post(pool, move(escrow, accounts.serviceFees(), 600))),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) {
      if (o.status === 'rejected') expect(isLedgerError(o.reason, 'overdraft')).toBe(true);
    }
    expect(await balanceOf(pool.db, escrow)).toBe(400);
  });

  it('keeps two hot accounts exact under 20 concurrent posters, without deadlock', async () => {
    const a = accounts.available(randomUUID());
    const b = accounts.available(randomUUID());
    await post(pool, fund(a, 50_000));
    await post(pool, fund(b, 50_000));
    let moved = { a: 0, b: 0, out: 0 };
    const poster = async (n: number) => {
      for (let i = 0; i < 15; i++) {
        const cents = 1 + ((n * 31 + i * 17) % 4_000);
        const kind = (n + i) % 3;
        // A→B, B→A, and both at once to the world: the lock order must hold for all three.
        const posting =
          kind === 0
            ? move(a, b, cents)
            : kind === 1
              ? move(b, a, cents)
              : {
                  ...move(a, accounts.payouts(), cents),
                  entries: [
                    { account: a, cents: -cents, currency: 'USD' },
                    { account: b, cents: -cents, currency: 'USD' },
                    { account: accounts.payouts(), cents: 2 * cents, currency: 'USD' },
                  ],
                };
        try {
          await post(pool, posting);
        } catch (error) {
          if (isLedgerError(error, 'overdraft')) continue;
          throw error;
        }
        if (kind === 0) moved = { ...moved, a: moved.a - cents, b: moved.b + cents };
        else if (kind === 1) moved = { ...moved, a: moved.a + cents, b: moved.b - cents };
        else moved = { ...moved, a: moved.a - cents, b: moved.b - cents };
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, n) => poster(n)));
    // Every committed posting counted once: nothing lost, nothing doubled.
    expect(await balanceOf(pool.db, a)).toBe(50_000 + moved.a);
    expect(await balanceOf(pool.db, b)).toBe(50_000 + moved.b);
    expect((await findLedgerProblems(pool.db)).map(describeProblem)).toEqual([]);
  });
});
