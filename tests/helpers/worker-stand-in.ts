import { startJobs, stopJobs } from '@/lib/jobs/runtime';
import { jobDefinitions } from '@/lib/server/jobs';
import { createTestDatabase } from './db';
import { startResendStandIn } from './resend-stand-in';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;
type StandIn = Awaited<ReturnType<typeof startResendStandIn>>;

type Options = {
  /** Environment for the file (restored after), e.g. EMAIL_TRANSPORT=resend. */
  settings?: Record<string, string>;
  /** Also run the real pg-boss worker with every job definition. */
  worker?: boolean;
};

/**
 * A fresh database and the Resend stand-in for the whole test file, optionally with the
 * real worker delivering to the stand-in under the given settings.
 */
export function startDatabaseAndStandIn({ settings = {}, worker = false }: Options = {}) {
  const saved = Object.fromEntries(
    [...Object.keys(settings), 'RESEND_BASE_URL'].map((k) => [k, process.env[k]]),
  );
  let database: TestDatabase | undefined;
  let standIn: StandIn | undefined;
  beforeAll(async () => {
    standIn = await startResendStandIn();
    if (worker) Object.assign(process.env, settings, { RESEND_BASE_URL: standIn.baseUrl });
    else Object.assign(process.env, settings);
    database = await createTestDatabase();
    if (worker) await startJobs(database, { work: true, jobs: jobDefinitions() });
  });
  afterAll(async () => {
    if (worker) await stopJobs();
    await database?.dispose();
    await standIn?.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  return {
    get database(): TestDatabase {
      if (!database) throw new Error('The database starts in beforeAll.');
      return database;
    },
    get standIn(): StandIn {
      if (!standIn) throw new Error('The stand-in starts in beforeAll.');
      return standIn;
    },
  };
}

/** The real worker delivering to the stand-in, for the whole test file. */
export const startWorkerAgainstStandIn = (settings: Record<string, string>) =>
  startDatabaseAndStandIn({ settings, worker: true });
