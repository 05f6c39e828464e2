import { createTestDatabase } from '@/tests/helpers/db';
import { withEnv } from '@/tests/helpers/env';
import { applyDevOffset, now, setClockForTests, useFakeClock } from './index';
import { readDevOffset, saveDevOffset, startDevClockSync } from './dev-offset';

const DAY_MS = 24 * 60 * 60 * 1000;

afterEach(() => {
  setClockForTests(null);
  applyDevOffset(0);
});

describe('the clock', () => {
  it('stands still under a fake clock and moves when the test moves it', () => {
    const clock = useFakeClock(new Date('2027-03-01T12:00:00Z'));
    expect(now().toISOString()).toBe('2027-03-01T12:00:00.000Z');
    clock.advance(DAY_MS);
    expect(now().toISOString()).toBe('2027-03-02T12:00:00.000Z');
    clock.restore();
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it('runs ahead of the real time by the development offset', () => {
    applyDevOffset(3 * DAY_MS);
    expect(now().getTime() - Date.now()).toBeGreaterThan(3 * DAY_MS - 1_000);
  });

  it('cannot be moved in production', async () => {
    await withEnv(
      {
        NODE_ENV: 'production',
        AUTH_SECRET: 'x'.repeat(40),
        DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
        EMAIL_TRANSPORT: 'mailbox',
        APP_URL: 'https://app.workbridge.example',
        PAYMENTS_PROVIDER: 'simulated',
        E2E_TEST_HOOKS: undefined,
      },
      async () => {
        expect(() => setClockForTests(new Date())).toThrow('production');
        expect(() => applyDevOffset(DAY_MS)).toThrow('production');
      },
    );
  });
});

describe('the development clock offset', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.dispose());

  it('is shared through the database: another process picks it up at start', async () => {
    await saveDevOffset(database.db, 2 * DAY_MS);
    expect(await readDevOffset(database.db)).toBe(2 * DAY_MS);
    await saveDevOffset(database.db, 5 * DAY_MS);
    applyDevOffset(0); // as a process that has not read it yet
    const stopSync = await startDevClockSync(database);
    try {
      expect(now().getTime() - Date.now()).toBeGreaterThan(5 * DAY_MS - 1_000);
    } finally {
      stopSync();
    }
  });
});
