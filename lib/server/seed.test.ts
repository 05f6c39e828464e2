import { eq } from 'drizzle-orm';
import {
  clientWorkspaces,
  contracts,
  invoices,
  jobPosts,
  milestoneStates,
  milestones,
  pendingReleases,
  users,
} from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { searchJobPosts } from '@/lib/job-search/search';
import { accounts } from '@/lib/ledger/accounts';
import { findLedgerProblems } from '@/lib/ledger/check';
import { balancesOf } from '@/lib/ledger/queries';
import { listClientHistory, listFreelancerHistory } from '@/lib/ledger/history';
import { netCents } from '@/lib/money/money';
import { parseEnv } from '@/lib/env';
import { createTestDatabase } from '@/tests/helpers/db';
import { DEMO_CLIENT_EMAIL, DEMO_FREELANCER_EMAIL, seedDemo } from './seed';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

describe('seedDemo', () => {
  // A Thursday: the five demo weeks are Oct 26 to Nov 23; the last was invoiced on Monday.
  let clock: FakeClock;
  beforeAll(async () => {
    clock = useFakeClock(new Date('2026-12-03T10:00:00Z'));
    await seedDemo(database.db);
    await seedDemo(database.db);
  });
  afterAll(() => clock.restore());

  it('creates one demo client with its company workspace, however often it runs', async () => {
    const [client] = await database.db
      .select({ id: users.id, activeSide: users.activeSide })
      .from(users)
      .where(eq(users.email, DEMO_CLIENT_EMAIL));
    expect(client.activeSide).toBe('client');
    const workspaces = await database.db
      .select({ name: clientWorkspaces.name, type: clientWorkspaces.type })
      .from(clientWorkspaces)
      .where(eq(clientWorkspaces.ownerId, client.id));
    expect(workspaces).toEqual([{ name: 'Acme Studio', type: 'company' }]);
    expect(await database.db.select().from(clientWorkspaces)).toHaveLength(1);
  });

  it('publishes four open public job posts of the demo client, once, that search finds', async () => {
    const posts = await database.db
      .select({ status: jobPosts.status, visibility: jobPosts.visibility })
      .from(jobPosts);
    expect(posts).toEqual(Array(4).fill({ status: 'open', visibility: 'public' }));
    const [freelancer] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, DEMO_FREELANCER_EMAIL));
    const found = await searchJobPosts(
      database.db,
      { userId: freelancer.id },
      { q: 'bakery logo' },
    );
    expect(found.hits.map((h) => h.title)).toEqual(['Logo and brand colours for a bakery']);
  });

  it('joins one demo freelancer to an hourly and a fixed-price contract of the demo client', async () => {
    const everyone = await database.db.select({ email: users.email }).from(users);
    expect(everyone.map((u) => u.email).sort()).toEqual([DEMO_FREELANCER_EMAIL, DEMO_CLIENT_EMAIL]);
    const all = await database.db
      .select({
        kind: contracts.kind,
        status: contracts.status,
        freelancerId: contracts.freelancerId,
      })
      .from(contracts);
    expect(all.map((c) => c.kind).sort()).toEqual(['fixed', 'hourly']);
    for (const contract of all) {
      expect(contract.freelancerId).not.toBeNull();
      expect(contract.status).toBe('active');
    }
  });

  it('pays them the real way, once: weekly invoices, a released milestone, money at every stage', async () => {
    const kinds = await database.db
      .select({ kind: invoices.kind, status: invoices.paymentStatus })
      .from(invoices)
      .orderBy(invoices.number);
    // Five past weeks of time: five hourly invoices, and one per funded milestone.
    expect(kinds.filter((i) => i.kind === 'hourly')).toHaveLength(5);
    expect(kinds.filter((i) => i.kind === 'milestone')).toHaveLength(2);
    expect(kinds.every((i) => i.status === 'paid')).toBe(true);
    const states = await database.db
      .select({ status: milestoneStates.status })
      .from(milestoneStates)
      .innerJoin(milestones, eq(milestones.id, milestoneStates.milestoneId))
      .orderBy(milestones.position);
    expect(states.map((m) => m.status)).toEqual(['released', 'funded']);

    const byKind = new Map(
      (await database.db.select().from(contracts)).map((c) => [c.kind, c] as const),
    );
    const hourly = byKind.get('hourly')!;
    const fixed = byKind.get('fixed')!;
    const freelancerId = hourly.freelancerId!;
    const balances = await balancesOf(database.db, [
      accounts.inReview(hourly.id),
      accounts.escrow(fixed.id),
      accounts.pending(freelancerId),
      accounts.available(freelancerId),
    ]);
    // Last week (8 h at $50) waits for the client's review; milestone 2 ($1,200) in escrow.
    expect(balances.get(accounts.inReview(hourly.id))).toBe(40_000);
    expect(balances.get(accounts.escrow(fixed.id))).toBe(120_000);
    // Milestone 1's net is pending (5 days from its approval today); the four older weeks
    // are available, the last of them since yesterday, the Wednesday after its review.
    const net = (cents: number) => netCents(cents, hourly.feeBps);
    expect(balances.get(accounts.pending(freelancerId))).toBe(net(80_000));
    expect(balances.get(accounts.available(freelancerId))).toBe(
      net(60_000) + net(80_000) + net(45_000) + net(70_000),
    );
    const releases = await database.db
      .select({ availableAt: pendingReleases.availableAt })
      .from(pendingReleases)
      .orderBy(pendingReleases.availableAt);
    expect(releases.map((r) => r.availableAt.toISOString().slice(0, 10))).toEqual([
      '2026-11-11',
      '2026-11-18',
      '2026-11-25',
      '2026-12-02',
      '2026-12-08',
    ]);

    const [workspace] = await database.db.select().from(clientWorkspaces);
    const client = await listClientHistory(database.db, workspace.id);
    expect(client.rows.filter((r) => r.kind === 'charge')).toHaveLength(7);
    const freelancer = await listFreelancerHistory(database.db, freelancerId);
    expect(freelancer.rows.length).toBeGreaterThan(0);
    expect(await findLedgerProblems(database.db)).toEqual([]);
  });
});

// boot() seeds when env.SEED_DEMO is true; parseEnv decides it.
describe('when the demo is seeded', () => {
  const production = {
    NODE_ENV: 'production',
    AUTH_SECRET: 'x'.repeat(40),
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    APP_URL: 'https://app.workbridge.example',
    PAYMENTS_PROVIDER: 'simulated',
  };
  const mailbox = { EMAIL_TRANSPORT: 'mailbox' };

  it('seeds in development only, unless SEED_DEMO says otherwise', () => {
    expect(parseEnv({ NODE_ENV: 'development' }).SEED_DEMO).toBe(true);
    expect(parseEnv({}).SEED_DEMO).toBe(true);
    expect(parseEnv({ NODE_ENV: 'test' }).SEED_DEMO).toBe(false);
    expect(parseEnv({ ...production, ...mailbox }).SEED_DEMO).toBe(false);
  });

  it('follows SEED_DEMO when it is set', () => {
    expect(parseEnv({ ...production, ...mailbox, SEED_DEMO: 'true' }).SEED_DEMO).toBe(true);
    expect(parseEnv({ NODE_ENV: 'test', SEED_DEMO: '1' }).SEED_DEMO).toBe(true);
    expect(parseEnv({ NODE_ENV: 'development', SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
    expect(parseEnv({ SEED_DEMO: 'no' }).SEED_DEMO).toBe(false);
  });
});
