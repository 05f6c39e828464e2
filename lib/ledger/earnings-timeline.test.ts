import { useFakeClock } from '@/lib/clock';
import { makeDueFundsAvailable, releaseToFreelancer } from '@/lib/earnings/release';
import { makeFreelancer } from '@/lib/test-hooks/factories';
import { freelancerRequestSchema } from '@/lib/test-hooks/schemas';
import { createTestDatabase } from '@/tests/helpers/db';
import { accounts } from './accounts';
import { listEarningsTimeline } from './earnings-timeline';
import { postTransaction } from './post';

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
  if (!made.userId || !made.contractId) throw new Error('the factory made no contract');
  return { contractId: made.contractId, userId: made.userId };
}

async function charge(contractId: string, key: string, cents: number) {
  await database.db.transaction((tx) =>
    postTransaction(tx, {
      key,
      source: { type: 'hourly_invoice', id: key },
      kind: 'charge',
      memo: `Week ${key} charged`,
      entries: [
        { account: accounts.clientFunding(), cents: -cents, currency: 'USD' },
        { account: accounts.inReview(contractId), cents, currency: 'USD' },
      ],
    }),
  );
}

async function release(made: { contractId: string; userId: string }, key: string, cents: number) {
  await database.db.transaction((tx) =>
    releaseToFreelancer(tx, {
      key: `release:${key}`,
      source: { type: 'hourly_invoice', id: key },
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

describe('listEarningsTimeline', () => {
  it('traces each movement to its contract and date, newest first, pages by keyset and shows no one else’s money', async () => {
    const clock = useFakeClock(new Date('2027-01-25T09:00:00Z'));
    try {
      const made = await freelancerWithContract();
      const other = await freelancerWithContract();
      await charge(made.contractId, 'w1', 10_000);
      await charge(other.contractId, 'o1', 99_000);
      clock.set(new Date('2027-02-03T12:00:00Z'));
      await release(made, 'w1', 10_000);
      await release(other, 'o1', 99_000);
      clock.set(new Date('2027-02-11T00:00:00Z'));
      await makeDueFundsAvailable(database.db);

      const all = await listEarningsTimeline(database.db, made.userId);
      expect(all.next).toBeNull();
      expect(
        all.rows.map((r) => ({
          kind: r.kind,
          at: r.effectiveAt.toISOString(),
          contract: r.contractId,
          title: typeof r.contractTitle,
          contractCents: r.contractCents,
          pendingCents: r.pendingCents,
          availableCents: r.availableCents,
          feeCents: r.feeCents,
          availableAt: r.availableAt?.toISOString() ?? null,
        })),
      ).toEqual([
        {
          kind: 'availability',
          at: '2027-02-10T00:00:00.000Z',
          contract: made.contractId,
          title: 'string',
          contractCents: 0,
          pendingCents: -9_000,
          availableCents: 9_000,
          feeCents: 0,
          availableAt: null,
        },
        {
          kind: 'release',
          at: '2027-02-03T12:00:00.000Z',
          contract: made.contractId,
          title: 'string',
          contractCents: -10_000,
          pendingCents: 9_000,
          availableCents: 0,
          feeCents: 1_000,
          availableAt: '2027-02-10T00:00:00.000Z',
        },
        {
          kind: 'charge',
          at: '2027-01-25T09:00:00.000Z',
          contract: made.contractId,
          title: 'string',
          contractCents: 10_000,
          pendingCents: 0,
          availableCents: 0,
          feeCents: 0,
          availableAt: null,
        },
      ]);
      expect(all.rows[2].memo).toBe('Week w1 charged');

      const first = await listEarningsTimeline(database.db, made.userId, { limit: 2 });
      expect(first.rows.map((r) => r.kind)).toEqual(['availability', 'release']);
      expect(first.next).not.toBeNull();
      const second = await listEarningsTimeline(database.db, made.userId, {
        limit: 2,
        cursor: first.next ?? undefined,
      });
      expect(second.rows.map((r) => r.kind)).toEqual(['charge']);
      expect(second.next).toBeNull();

      const theirs = await listEarningsTimeline(database.db, other.userId);
      expect(theirs.rows.every((r) => r.contractId === other.contractId)).toBe(true);
      expect(theirs.rows.map((r) => r.kind)).toEqual(['availability', 'release', 'charge']);
      // A malformed cursor starts from the newest, it never errors.
      const bad = await listEarningsTimeline(database.db, made.userId, { cursor: "x'; --" });
      expect(bad.rows).toHaveLength(3);
    } finally {
      clock.restore();
    }
  });
});
