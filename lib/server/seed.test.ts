import { eq, sql } from 'drizzle-orm';
import { clientWorkspaces, contracts, ledgerEntries, ledgerTransactions, users } from '@/db/schema';
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
  beforeAll(async () => {
    await seedDemo(database.db);
    await seedDemo(database.db);
  });

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

  it('joins one demo freelancer to one accepted contract of the demo client', async () => {
    const everyone = await database.db.select({ email: users.email }).from(users);
    expect(everyone.map((u) => u.email).sort()).toEqual([DEMO_FREELANCER_EMAIL, DEMO_CLIENT_EMAIL]);
    const all = await database.db
      .select({ status: contracts.status, freelancerId: contracts.freelancerId })
      .from(contracts);
    expect(all).toHaveLength(1);
    expect(all[0].freelancerId).not.toBeNull();
    expect(['active', 'awaiting_compliance']).toContain(all[0].status);
  });

  it('moves money once: both transaction pages have rows, the books balance', async () => {
    expect(await database.db.select().from(ledgerTransactions)).toHaveLength(4);
    const [workspace] = await database.db.select().from(clientWorkspaces);
    const client = await listClientHistory(database.db, workspace.id);
    expect(client.rows.map((r) => [r.kind, r.cents, r.memo]).sort()).toEqual([
      ['charge', 40_000, 'Week 2, 8 hours'],
      ['charge', 60_000, 'Week 1, 12 hours'],
    ]);
    const [contract] = await database.db.select().from(contracts);
    const freelancer = await listFreelancerHistory(database.db, contract.freelancerId!);
    const net = netCents(60_000, contract.feeBps);
    expect(freelancer.rows.map((r) => [r.kind, r.account.split(':')[2], r.cents]).sort()).toEqual([
      ['availability', 'available', net],
      ['availability', 'pending', -net],
      ['release', 'pending', net],
    ]);
    const sums = await database.db
      .select({ cents: sql<number>`sum(${ledgerEntries.amountCents})::int` })
      .from(ledgerEntries);
    expect(sums).toEqual([{ cents: 0 }]);
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
