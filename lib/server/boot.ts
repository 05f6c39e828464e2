import { closeDatabase, getMigratedDatabase, type Database } from '@/db';
import { EnvError, getEnv } from '@/lib/env';
import { startJobs, stopJobs } from '@/lib/jobs/runtime';
import { seedDemo } from './seed';

type Holder = { booting?: Promise<Database>; shutdownHooked?: boolean };
const holder = ((globalThis as Record<string, unknown>).__workbridgeBoot ??= {}) as Holder;

/**
 * What a process does before serving: validate the environment, migrate, seed the demo
 * client in development, start pg-boss (with workers unless WORKER_MODE=off).
 */
export function boot(options: { work?: boolean } = {}): Promise<Database> {
  holder.booting ??= (async () => {
    let env;
    try {
      env = getEnv();
    } catch (error) {
      if (error instanceof EnvError) {
        console.error(error.message);
        process.exit(1);
      }
      throw error;
    }
    const database = await getMigratedDatabase();
    if (env.SEED_DEMO) await seedDemo(database.db);
    keepPlannerStatistics(database);
    await startJobs(database, { work: options.work ?? env.WORKER_MODE === 'inline' });
    hookShutdown();
    return database;
  })();
  return holder.booting;
}

const STATISTICS_INTERVAL_MS = 60 * 60 * 1000;

/**
 * PGlite has no autovacuum, so its planner never learns how big the tables are: it guessed
 * three invites where there were a thousand and sorted them all to show 25. Refresh the
 * statistics at start and hourly (ANALYZE on a small database takes milliseconds). A Postgres
 * server's autovacuum does this by itself.
 */
function keepPlannerStatistics(database: Database) {
  if (database.kind !== 'pglite') return;
  const analyze = () =>
    database
      .executeSql('analyze', [])
      .catch((error: unknown) => console.error('[workbridge] analyze failed', error));
  void analyze();
  setInterval(analyze, STATISTICS_INTERVAL_MS).unref();
}

function hookShutdown() {
  if (holder.shutdownHooked) return;
  holder.shutdownHooked = true;
  const shutdown = async (signal: string) => {
    console.log(`[workbridge] ${signal}: stopping jobs and closing the database`);
    try {
      await stopJobs();
      await closeDatabase();
    } finally {
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
