import { useFakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { postTransaction } from '@/lib/ledger/post';
import { balanceOf } from '@/lib/ledger/queries';
import { makeFreelancer } from '@/lib/test-hooks/factories';
import { freelancerRequestSchema } from '@/lib/test-hooks/schemas';
import { createTestDatabase } from '@/tests/helpers/db';
import { loadEarningsBuckets, loadEarningsFigures } from './queries';
import { releaseToFreelancer } from './release';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

async function freelancerWithContract() {
  const made = await makeFreelancer(
    database.db,
    freelancerRequestSchema.parse({ kind: 'freelancer', step: 'contract' }),
  );
  if (!made.userId) throw new Error('the factory made no account');
  return { contractId: made.contractId, userId: made.userId };
}

async function charge(contractId: string, key: string, cents: number, to: 'in_review' | 'escrow') {
  await database.db.transaction((tx) =>
    postTransaction(tx, {
      key,
      source: { type: 'test_charge', id: key },
      kind: 'charge',
      entries: [
        { account: accounts.clientFunding(), cents: -cents, currency: 'USD' },
        {
          account: to === 'escrow' ? accounts.escrow(contractId) : accounts.inReview(contractId),
          cents,
          currency: 'USD',
        },
      ],
    }),
  );
}

async function release(made: { contractId: string; userId: string }, key: string, cents: number) {
  await database.db.transaction((tx) =>
    releaseToFreelancer(tx, {
      key,
      source: { type: 'test_invoice', id: key },
      contractId: made.contractId,
      freelancerId: made.userId,
      from: accounts.inReview(made.contractId),
      grossCents: cents,
      feeCents: cents / 10,
      currency: 'USD',
      availableAt: new Date('2027-02-10T00:00:00Z'),
    }),
  );
}

describe('loadEarningsFigures and loadEarningsBuckets', () => {
  it('equal the ledger balances, bucket the released net by local week and month, and show no one else’s money', async () => {
    const clock = useFakeClock(new Date('2027-01-31T23:30:00Z'));
    try {
      const made = await freelancerWithContract();
      const other = await freelancerWithContract();
      await charge(made.contractId, 'c1', 10_000, 'in_review');
      await charge(made.contractId, 'c2', 3_000, 'in_review');
      await charge(made.contractId, 'c3', 7_000, 'escrow');
      await charge(other.contractId, 'o1', 99_000, 'in_review');
      // 2027-01-31T23:30Z is Monday 2027-02-01 in Auckland (UTC+13): a new week and month there.
      await release(made, 'r1', 10_000);
      clock.set(new Date('2027-01-20T12:00:00Z'));
      await release(other, 'o-r1', 99_000);

      const figures = await loadEarningsFigures(database.db, made.userId);
      expect(figures).toEqual({
        inReviewCents: 3_000,
        inEscrowCents: 7_000,
        pendingCents: 9_000,
        availableCents: 0,
        withdrawingCents: 0,
        pending: [{ cents: 9_000, availableAt: new Date('2027-02-10T00:00:00Z') }],
      });
      expect(figures.pendingCents).toBe(
        await balanceOf(database.db, accounts.pending(made.userId)),
      );
      expect(figures.inReviewCents).toBe(
        await balanceOf(database.db, accounts.inReview(made.contractId)),
      );

      const auckland = await loadEarningsBuckets(database.db, made.userId, 'Pacific/Auckland');
      expect(auckland).toEqual([
        { period: 'week', start: '2027-02-01', netCents: 9_000 },
        { period: 'month', start: '2027-02-01', netCents: 9_000 },
      ]);
      const utc = await loadEarningsBuckets(database.db, made.userId, 'UTC');
      expect(utc).toEqual([
        { period: 'week', start: '2027-01-25', netCents: 9_000 },
        { period: 'month', start: '2027-01-01', netCents: 9_000 },
      ]);
    } finally {
      clock.restore();
    }
  });
});
