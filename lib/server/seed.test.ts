import { eq } from 'drizzle-orm';
import { clientWorkspaces, users } from '@/db/schema';
import { parseEnv } from '@/lib/env';
import { createTestDatabase } from '@/tests/helpers/db';
import { seedDemo } from './seed';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

describe('seedDemo', () => {
  it('creates one demo client with its company workspace, however often it runs', async () => {
    await seedDemo(database.db);
    await seedDemo(database.db);
    const everyone = await database.db
      .select({ id: users.id, email: users.email, activeSide: users.activeSide })
      .from(users);
    expect(everyone).toEqual([
      { id: expect.any(String), email: 'demo@workbridge.test', activeSide: 'client' },
    ]);
    const workspaces = await database.db
      .select({ name: clientWorkspaces.name, type: clientWorkspaces.type })
      .from(clientWorkspaces)
      .where(eq(clientWorkspaces.ownerId, everyone[0].id));
    expect(workspaces).toEqual([{ name: 'Acme Studio', type: 'company' }]);
    expect(await database.db.select().from(clientWorkspaces)).toHaveLength(1);
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
