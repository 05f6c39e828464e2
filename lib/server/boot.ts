import { subscribe } from 'node:diagnostics_channel';
import type { Server } from 'node:http';
import { closeDatabase, getMigratedDatabase, type Database } from '@/db';
import { startDevClockSync } from '@/lib/clock/dev-offset';
import { EnvError, getEnv, type Env } from '@/lib/env';
import { startJobs, stopJobs } from '@/lib/jobs/runtime';
import { jobDefinitions } from './jobs';
import { seedDemo } from './seed';

type Holder = { booting?: Promise<Database>; shutdownHooked?: boolean };
const holder = ((globalThis as Record<string, unknown>).__workbridgeBoot ??= {}) as Holder;

/**
 * The validated environment; on a bad value, one line per variable and exit 1 (a stack
 * trace would bury the names). Every process entry calls it before anything else.
 */
export function readEnvOrExit(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** Advisory lock keys: migrations 4_204_201 (db/client), queue setup 4_204_202 (lib/jobs). */
const SEED_LOCK = 4_204_203;

/**
 * What a process does before serving: validate the environment, migrate,
 * start pg-boss (with workers unless WORKER_MODE=off), seed the demo in development.
 */
export function boot(options: { work?: boolean } = {}): Promise<Database> {
  holder.booting ??= (async () => {
    const env = readEnvOrExit();
    // Before the workers start: a signal that lands while later jobs are still being
    // registered must find a handler, or it kills a delivery already under way.
    hookShutdown();
    const database = await getMigratedDatabase();
    await startDevClockSync(database);
    keepPlannerStatistics(database);
    await startJobs(database, {
      work: options.work ?? env.WORKER_MODE === 'inline',
      jobs: jobDefinitions(),
    });
    // After the jobs: the demo's invitation email is queued, which needs pg-boss's tables.
    // Servers starting together take turns, so the second finds the first one's demo.
    if (env.SEED_DEMO) await database.withLock(SEED_LOCK, () => seedDemo(database.db));
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

/** How long running jobs and open requests get to finish after SIGTERM (or Ctrl-C). */
const DRAIN_MS = 10_000;
/** After this, the process exits whatever is still pending. */
const SHUTDOWN_LIMIT_MS = 15_000;

/**
 * The process's handler of SIGTERM and SIGINT: stop taking requests and jobs, let running
 * ones finish, close the database, exit. Under `npm start` it is the only one: Next.js leaves
 * the signals to us (scripts/next-start.mjs sets NEXT_MANUAL_SIG_HANDLE), where its own handler
 * exits at once and cut running deliveries short. Under `next dev` Next's handler runs too and
 * the dev CLI kills its server process 100 ms after Ctrl-C, so this one closes what it can.
 */
function hookShutdown() {
  if (holder.shutdownHooked) return;
  holder.shutdownHooked = true;
  const servers = trackHttpServers();
  let stopping = false;
  const shutdown = async (signal: string) => {
    // A signal to the whole process group can arrive twice: from the sender and passed on by
    // scripts/next-start.mjs. The first one starts the shutdown.
    if (stopping) return;
    stopping = true;
    console.log(`[workbridge] ${signal}: finishing requests and jobs, then closing the database`);
    setTimeout(() => {
      console.error(`[workbridge] still shutting down after ${SHUTDOWN_LIMIT_MS} ms: exiting`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    let code = 0;
    try {
      // A signal during start-up waits for it: the jobs and database are then there to close.
      await holder.booting?.catch(() => undefined);
      await Promise.all([closeHttpServers(servers), stopJobs()]);
      await closeDatabase();
    } catch (error) {
      console.error('[workbridge] shutdown failed:', error);
      code = 1;
    }
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * The HTTP servers of this process, learnt from the requests they serve: Next.js does not
 * hand its server out, and with manual signal handling it no longer closes it itself. The
 * first request starts before boot() has run (it waits for it): its response still counts.
 */
function trackHttpServers(): Set<Server> {
  const servers = new Set<Server>();
  const track = (message: unknown) => servers.add((message as { server: Server }).server);
  subscribe('http.server.request.start', track);
  subscribe('http.server.response.finish', track);
  return servers;
}

/** Stops accepting connections and waits (up to DRAIN_MS) for open requests to finish. */
function closeHttpServers(servers: Set<Server>): Promise<void> {
  const closing = [...servers].map(
    (server) =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, DRAIN_MS);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }),
  );
  return Promise.all(closing).then(() => undefined);
}
