import postgres from 'postgres';
import { GET } from '@/app/api/health/route';
import { createTestDatabase } from '@/tests/helpers/db';

const serverUrl = process.env.TEST_DATABASE_URL;

/** How long the pool may take to reconnect: generous, the machine may be busy. */
const RECOVERY_MS = 30_000;

// On a server: every connection of the app is killed (as a restart does); the app
// recovers on its own, with no restart of its own. (Moved from tests/routes/health.test.ts:
// it waits for reconnection, so it belongs to the faults lane.)
(serverUrl ? it : it.skip)(
  'GET /api/health recovers by itself after its database connections are dropped',
  async () => {
    const database = await createTestDatabase();
    try {
      expect((await GET()).status).toBe(200);
      const { rows } = await database.executeSql(
        'select current_database() as name',
        [] as unknown[],
      );
      const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${String(rows[0].name)} and pid <> pg_backend_pid()`;
      await admin.end();
      const deadline = Date.now() + RECOVERY_MS;
      let status = (await GET()).status;
      while (status !== 200 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        status = (await GET()).status;
      }
      expect(status).toBe(200);
    } finally {
      await database.dispose();
    }
  },
  60_000,
);
