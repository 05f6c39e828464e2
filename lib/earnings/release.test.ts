import { eq } from 'drizzle-orm';
import { pendingReleases } from '@/db/schema';
import { useFakeClock } from '@/lib/clock';
import { accounts } from '@/lib/ledger/accounts';
import { postTransaction } from '@/lib/ledger/post';
import { balanceOf } from '@/lib/ledger/queries';
import { makeFreelancer } from '@/lib/test-hooks/factories';
import { freelancerRequestSchema } from '@/lib/test-hooks/schemas';
import { createTestDatabase } from '@/tests/helpers/db';
import { makeDueFundsAvailable, releaseToFreelancer } from './release';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

async function chargedContract(cents: number) {
  const made = await makeFreelancer(
    database.db,
    freelancerRequestSchema.parse({ kind: 'freelancer', step: 'contract' }),
  );
  if (!made.userId) throw new Error('the factory made no account');
  const freelancerId = made.userId;
  await database.db.transaction((tx) =>
    postTransaction(tx, {
      key: `charge:${made.contractId}`,
      source: { type: 'test_charge', id: made.contractId },
      kind: 'charge',
      entries: [
        { account: accounts.clientFunding(), cents: -cents, currency: 'USD' },
        { account: accounts.inReview(made.contractId), cents, currency: 'USD' },
      ],
    }),
  );
  return { contractId: made.contractId, userId: freelancerId };
}

describe('releaseToFreelancer and makeDueFundsAvailable', () => {
  it('releases fee and net once, then makes the net available on its date, once', async () => {
    const clock = useFakeClock(new Date('2027-01-04T12:00:00Z'));
    try {
      const made = await chargedContract(10_000);
      const release = {
        key: `release:${made.contractId}:2026-W53`,
        source: { type: 'test_invoice', id: made.contractId },
        contractId: made.contractId,
        freelancerId: made.userId,
        from: accounts.inReview(made.contractId),
        grossCents: 10_000,
        feeCents: 500,
        currency: 'USD',
        availableAt: new Date('2027-01-13T00:00:00Z'),
      };
      await database.db.transaction((tx) => releaseToFreelancer(tx, release));
      const again = await database.db.transaction((tx) => releaseToFreelancer(tx, release));
      expect(again.replayed).toBe(true);
      expect(await balanceOf(database.db, accounts.inReview(made.contractId))).toBe(0);
      expect(await balanceOf(database.db, accounts.pending(made.userId))).toBe(9_500);

      expect(await makeDueFundsAvailable(database.db, new Date('2027-01-12T23:59:59Z'))).toBe(0);
      clock.set(new Date('2027-01-13T00:00:00Z'));
      const at = new Date('2027-01-13T00:00:00Z');
      const [first, second] = await Promise.all([
        makeDueFundsAvailable(database.db, at),
        makeDueFundsAvailable(database.db, at),
      ]);
      expect(first + second).toBe(1);
      expect(await balanceOf(database.db, accounts.pending(made.userId))).toBe(0);
      expect(await balanceOf(database.db, accounts.available(made.userId))).toBe(9_500);
      const rows = await database.db
        .select()
        .from(pendingReleases)
        .where(eq(pendingReleases.freelancerId, made.userId));
      expect(rows).toHaveLength(1);
      expect(rows[0].madeAvailableAt).toEqual(at);
    } finally {
      clock.restore();
    }
  });
});
