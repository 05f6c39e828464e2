import { createSession } from '@/lib/auth/service';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { releaseToFreelancer } from '@/lib/earnings/release';
import { accounts } from '@/lib/ledger/accounts';
import { postTransaction } from '@/lib/ledger/post';
import { makeFreelancer } from '@/lib/test-hooks/factories';
import { freelancerRequestSchema } from '@/lib/test-hooks/schemas';
import { createTestDatabase } from '@/tests/helpers/db';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { pageOutcome } from '@/tests/helpers/page-outcome';

/* Issue 17: /earnings for its freelancer — figures, timeline, links — and for nobody else. */
installRequestMocks();
const { default: EarningsPage } = await import('@/app/(app)/earnings/page');

let statements = 0;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
let made: Awaited<ReturnType<typeof makeFreelancer>>;

beforeAll(async () => {
  database = await createTestDatabase({ onQuery: () => (statements += 1) });
  clock = useFakeClock(new Date('2026-11-30T15:00:00Z'));
  made = await makeFreelancer(
    database.db,
    freelancerRequestSchema.parse({ kind: 'freelancer', timeZone: 'America/New_York' }),
  );
  const contractId = made.contractId;
  await database.db.transaction(async (tx) => {
    await postTransaction(tx, {
      key: 'route-charge',
      source: { type: 'hourly_invoice', id: 'route-inv' },
      kind: 'charge',
      memo: 'Week 2026-W48 charged',
      entries: [
        { account: accounts.clientFunding(), cents: -50_000, currency: 'USD' },
        { account: accounts.inReview(contractId), cents: 50_000, currency: 'USD' },
      ],
    });
  });
  clock.set(new Date('2026-12-05T15:00:00Z'));
  await database.db.transaction((tx) =>
    releaseToFreelancer(tx, {
      key: 'route-release',
      source: { type: 'hourly_invoice', id: 'route-inv' },
      contractId,
      freelancerId: made.userId!,
      from: accounts.inReview(contractId),
      grossCents: 50_000,
      feeCents: 5_000,
      currency: 'USD',
      memo: 'Week 2026-W48 released',
      availableAt: new Date('2026-12-09T02:00:00Z'),
    }),
  );
});
afterAll(async () => {
  clock.restore();
  await database.dispose();
});

async function render(token: string | null): Promise<string> {
  startRequest(token);
  return pageOutcome(() => EarningsPage({ searchParams: Promise.resolve({}) }));
}

describe('/earnings', () => {
  it('shows the freelancer their figures, the traced timeline in their zone and the links, in few statements', async () => {
    const { token } = await createSession(database.db, made.userId!);
    await render(token); // warm-up: the first request may load what later ones share
    statements = 0;
    const html = await render(token);
    // The session lookup, then figures, chart and timeline: the budget is 4.
    expect(statements).toBe(4);
    expect(html).toContain('$450.00');
    expect(html).toContain('href="/earnings/withdraw"');
    expect(html).toContain('href="/earnings/transactions"');
    expect(html).toContain('href="/invoices/route-inv"');
    expect(html).toContain(
      'Released: net $450.00 to pending (fee $50.00), available on December 8, 2026',
    );
    expect(html).toContain('Week 2026-W48 charged');
    expect(html).toContain('<figure');
  });

  it('is not the client’s, nor anyone signed out', async () => {
    const { token } = await createSession(database.db, made.client.userId);
    const asClient = await render(token);
    expect(asClient).toBe('redirect /welcome?add=freelancer');
    expect(await render(null)).toMatch(/^redirect /);
  });
});
