import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '@/tests/helpers/db';
import { accounts } from './accounts';
import { isLedgerError } from './errors';
import { postTransaction, type Posting } from './post';
import { balanceOf } from './queries';

// postTransaction against the real database (PGlite, or the server with TEST_DATABASE_URL).
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const post = (posting: Posting) => database.db.transaction((tx) => postTransaction(tx, posting));

function charge(contractId: string, cents: number, key: string = randomUUID()): Posting {
  return {
    key,
    source: { type: 'invoice', id: `inv-${key}` },
    kind: 'charge',
    entries: [
      { account: accounts.clientFunding(), cents: -cents, currency: 'USD' },
      { account: accounts.inReview(contractId), cents, currency: 'USD' },
    ],
  };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the posting to fail');
}

describe('postTransaction', () => {
  it('writes a balanced transaction and the balances are the sums of its entries', async () => {
    const contract = randomUUID();
    const posted = await post(charge(contract, 12_345));
    expect(posted.replayed).toBe(false);
    expect(await balanceOf(database.db, accounts.inReview(contract))).toBe(12_345);
  });

  it('returns the first result for a replay with the same key and entries', async () => {
    const contract = randomUUID();
    const posting = charge(contract, 5_000);
    const first = await post(posting);
    const again = await post({ ...posting, effectiveAt: new Date('2030-01-01T00:00:00Z') });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await balanceOf(database.db, accounts.inReview(contract))).toBe(5_000);
  });

  it('refuses the same key with another amount', async () => {
    const contract = randomUUID();
    const posting = charge(contract, 5_000);
    await post(posting);
    const error = await failure(post(charge(contract, 5_001, posting.key)));
    expect(isLedgerError(error, 'key-reused')).toBe(true);
    expect(await balanceOf(database.db, accounts.inReview(contract))).toBe(5_000);
  });

  it('refuses to post the same source and kind twice under another key', async () => {
    const contract = randomUUID();
    const posting = charge(contract, 700);
    await post(posting);
    const error = await failure(post({ ...posting, key: randomUUID() }));
    expect(isLedgerError(error, 'source-already-posted')).toBe(true);
    expect(await balanceOf(database.db, accounts.inReview(contract))).toBe(700);
  });

  it('refuses an overdraft of a non-world account and lets world accounts go negative', async () => {
    const contract = randomUUID();
    const freelancer = randomUUID();
    await post(charge(contract, 1_000));
    const release = (cents: number): Posting => ({
      key: randomUUID(),
      source: { type: 'invoice', id: randomUUID() },
      kind: 'release',
      entries: [
        { account: accounts.inReview(contract), cents: -cents, currency: 'USD' },
        { account: accounts.pending(freelancer), cents, currency: 'USD' },
      ],
    });
    const error = await failure(post(release(1_001)));
    expect(isLedgerError(error, 'overdraft')).toBe(true);
    await post(release(1_000));
    expect(await balanceOf(database.db, accounts.inReview(contract))).toBe(0);
    expect(await balanceOf(database.db, accounts.pending(freelancer))).toBe(1_000);
    expect(await balanceOf(database.db, accounts.clientFunding())).toBeLessThan(0);
  });

  it('calls a second release of a source what it is, even when the money is gone', async () => {
    const contract = randomUUID();
    await post(charge(contract, 400));
    const release = (key: string): Posting => ({
      key,
      source: { type: 'invoice', id: `release-${contract}` },
      kind: 'release',
      entries: [
        { account: accounts.inReview(contract), cents: -400, currency: 'USD' },
        { account: accounts.pending(randomUUID()), cents: 400, currency: 'USD' },
      ],
    });
    const first = release(randomUUID());
    await post(first);
    expect(await post(first)).toMatchObject({ replayed: true });
    const error = await failure(post(release(randomUUID())));
    expect(isLedgerError(error, 'source-already-posted')).toBe(true);
  });

  it.each([
    ['one entry', [{ account: accounts.serviceFees(), cents: 5, currency: 'USD' }]],
    [
      'entries that do not sum to zero',
      [
        { account: accounts.clientFunding(), cents: -5, currency: 'USD' },
        { account: accounts.serviceFees(), cents: 4, currency: 'USD' },
      ],
    ],
    [
      'a fraction of a cent',
      [
        { account: accounts.clientFunding(), cents: -0.5, currency: 'USD' },
        { account: accounts.serviceFees(), cents: 0.5, currency: 'USD' },
      ],
    ],
    [
      'a sum that balances only across currencies',
      [
        { account: accounts.clientFunding(), cents: -5, currency: 'USD' },
        { account: accounts.serviceFees(), cents: 5, currency: 'EUR' },
      ],
    ],
  ] as const)('refuses %s', async (_name, entries) => {
    const error = await failure(
      post({
        key: randomUUID(),
        source: { type: 'test', id: randomUUID() },
        kind: 'fee',
        entries: [...entries],
      }),
    );
    expect(isLedgerError(error, 'invalid')).toBe(true);
  });

  it('refuses account codes outside the chart', () => {
    expect(() => accounts.inReview('42')).toThrow('uuid');
  });
});
