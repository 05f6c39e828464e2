import { startJobs, stopJobs } from '@/lib/jobs/runtime';
import { jobDefinitions } from '@/lib/server/jobs';
import { createTestDatabase } from './db';
import { startResendStandIn } from './resend-stand-in';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;
type StandIn = Awaited<ReturnType<typeof startResendStandIn>>;

/**
 * The real pg-boss worker with every job definition, delivering to the Resend stand-in
 * under the given settings, for the whole test file; the environment is restored after.
 */
export function startWorkerAgainstStandIn(settings: Record<string, string>) {
  const saved = Object.fromEntries(
    [...Object.keys(settings), 'RESEND_BASE_URL'].map((k) => [k, process.env[k]]),
  );
  let database: TestDatabase | undefined;
  let standIn: StandIn | undefined;
  beforeAll(async () => {
    standIn = await startResendStandIn();
    Object.assign(process.env, settings, { RESEND_BASE_URL: standIn.baseUrl });
    database = await createTestDatabase();
    await startJobs(database, { work: true, jobs: jobDefinitions() });
  });
  afterAll(async () => {
    await stopJobs();
    await database?.dispose();
    await standIn?.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  return {
    get database(): TestDatabase {
      if (!database) throw new Error('The worker starts in beforeAll.');
      return database;
    },
    get standIn(): StandIn {
      if (!standIn) throw new Error('The stand-in starts in beforeAll.');
      return standIn;
    },
  };
}
