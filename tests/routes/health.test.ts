import postgres from 'postgres';
import { closeDatabase, setActiveDatabase } from '@/db';
import { openDatabase } from '@/db/client';
import { GET } from '@/app/api/health/route';
import { createTestDatabase } from '@/tests/helpers/db';

const serverUrl = process.env.TEST_DATABASE_URL;

describe('GET /api/health', () => {
  afterEach(() => closeDatabase());

  it('answers 200 when the database answers', async () => {
    const database = await createTestDatabase();
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: 'up' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    await database.dispose();
  });

  it('answers 503 when the database does not', async () => {
    // Nothing listens on port 9: every connection attempt fails at once.
    setActiveDatabase(await openDatabase({ url: 'postgres://postgres@127.0.0.1:9/none', max: 1 }));
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, database: 'down' });
  });

  // On a server: every connection of the app is killed (as a restart does); the app
  // recovers on its own, with no restart of its own.
  (serverUrl ? it : it.skip)(
    'recovers by itself after its database connections are dropped',
    async () => {
      const database = await createTestDatabase();
      expect((await GET()).status).toBe(200);
      const { rows } = await database.executeSql(
        'select current_database() as name',
        [] as unknown[],
      );
      const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${String(rows[0].name)} and pid <> pg_backend_pid()`;
      await admin.end();
      const statuses: number[] = [];
      for (let i = 0; i < 20 && statuses.at(-1) !== 200; i++) {
        statuses.push((await GET()).status);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(statuses.at(-1)).toBe(200);
      await database.dispose();
    },
  );
});
