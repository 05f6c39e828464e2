import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { migrateDatabase, openDatabase, type Database } from '@/db/client';
import { createSession } from '@/lib/auth/service';
import { useFakeClock as startFakeClock } from '@/lib/clock';
import { makeDueFundsAvailable, releaseToFreelancer } from '@/lib/earnings/release';
import { accounts } from '@/lib/ledger/accounts';
import { postTransaction } from '@/lib/ledger/post';
import { createBoss, prepareQueues } from '@/lib/jobs/boss';
import { jobDefinitions } from '@/lib/server/jobs';
import { makeFreelancer } from '@/lib/test-hooks/factories';
import { freelancerRequestSchema } from '@/lib/test-hooks/schemas';
import { SESSION_COOKIE } from './fetch-page';
import { runLoad, type LoadResult } from './load';
import type { PageVisit } from './pages';
import { countQueries } from './query-count';
import { postgresAvailable, withServer } from './server';

/*
 * The balance and timeline page (/earnings, SPEC 4.E) for a freelancer with five years of
 * weekly invoices: 260 weeks, each charged into review and released a minute later through
 * the app's own posting functions (the ledger rows and pending releases the page reads are
 * the app's, not hand-written copies), then everything due made available. Issue 17's
 * targets: at least 25% of /api/health's throughput at 20 connections, at most 4 statements.
 */
export const EARNINGS_RATIO_TARGET = 0.25;
export const EARNINGS_QUERY_TARGET = 4;
const WEEKS = 5 * 52;
const WEEK_MS = 7 * 24 * 3600 * 1000;
const CONNECTIONS = 20;

type EarningsSeed = { cookie: string; seconds: number };
export type EarningsRun = {
  database: string;
  seedSeconds: number;
  health: LoadResult;
  earnings: LoadResult;
  statements: string[];
};

const PAGE: PageVisit<EarningsSeed> = {
  name: '/earnings (260 weekly invoices)',
  path: () => '/earnings',
  cookie: (s) => s.cookie,
  heading: /^Earnings$/,
};

/** The Monday 260 weeks before this week's, at 12:00 UTC. */
function firstWeek(): Date {
  const today = new Date();
  const monday = new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 12),
  );
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return new Date(monday.getTime() - WEEKS * WEEK_MS);
}

export async function seedEarnings(database: Database): Promise<EarningsSeed> {
  await migrateDatabase(database);
  // The factories enqueue emails: their queues must exist (as in seed.ts).
  const boss = createBoss(database, { work: false });
  await boss.start();
  await prepareQueues(boss, database, jobDefinitions());
  await boss.stop({ graceful: false, wait: true });
  const { db } = database;
  const started = performance.now();
  const start = firstWeek();
  const clock = startFakeClock(start);
  try {
    const made = await makeFreelancer(
      db,
      freelancerRequestSchema.parse({ kind: 'freelancer', step: 'contract', offer: 'hourly' }),
    );
    if (!made.userId) throw new Error('earnings seed: the factory made no freelancer');
    const { userId, contractId } = made;
    for (let year = 0; year < 5; year++) {
      await db.transaction(async (tx) => {
        for (let w = 0; w < 52; w++) {
          const week = year * 52 + w;
          const id = `bench-${week}`;
          const cents = 20 * 5_000 + week;
          clock.set(new Date(start.getTime() + week * WEEK_MS));
          await postTransaction(tx, {
            key: `charge:${id}`,
            source: { type: 'hourly_invoice', id },
            kind: 'charge',
            memo: `Week ${week + 1} charged`,
            entries: [
              { account: accounts.clientFunding(), cents: -cents, currency: 'USD' },
              { account: accounts.inReview(contractId), cents, currency: 'USD' },
            ],
          });
          clock.set(new Date(start.getTime() + week * WEEK_MS + 60_000));
          await releaseToFreelancer(tx, {
            key: `release:${id}`,
            source: { type: 'hourly_invoice', id },
            contractId,
            freelancerId: userId,
            from: accounts.inReview(contractId),
            grossCents: cents,
            feeCents: Math.round(cents / 10),
            currency: 'USD',
            availableAt: new Date(start.getTime() + week * WEEK_MS + 9 * 24 * 3600 * 1000),
          });
        }
      });
    }
    clock.restore();
    // Everything due by now is available; the last week or two stay pending, as in life.
    await makeDueFundsAvailable(db, new Date());
    // The planner's statistics, as the server's autovacuum gathers them within a minute of
    // such writes and the app's hourly job does on PGlite (lib/jobs/statistics.ts): measured
    // straight after the seed, every statement was planned from default guesses.
    await db.execute(sql`analyze`);
    const session = await createSession(db, userId);
    return { cookie: session.token, seconds: (performance.now() - started) / 1000 };
  } finally {
    clock.restore();
  }
}

async function measureOn(
  label: string,
  env: Record<string, string>,
  seed: EarningsSeed,
  ports: [number, number],
  durationMs: number,
): Promise<EarningsRun> {
  const headers = { cookie: `${SESSION_COOKIE}=${seed.cookie}` };
  const { health, earnings } = await withServer(ports[0], env, false, async (server) => {
    const health = await runLoad({
      url: `${server.url}/api/health`,
      connections: CONNECTIONS,
      durationMs,
    });
    const earnings = await runLoad({
      url: `${server.url}/earnings`,
      connections: CONNECTIONS,
      durationMs,
      headers,
    });
    return { health, earnings };
  });
  const [count] = await withServer(ports[1], env, true, (server) =>
    countQueries(server, [PAGE], seed),
  );
  const run = {
    database: label,
    seedSeconds: seed.seconds,
    health,
    earnings,
    statements: count.statements,
  };
  console.log(
    `${label.padEnd(9)} /earnings ${earnings.rps.toFixed(0)} req/s (p50 ${earnings.p50.toFixed(1)} ms, errors ${earnings.errors}) vs /api/health ${health.rps.toFixed(0)} req/s: ${((earnings.rps / health.rps) * 100).toFixed(0)}%, ${count.statements.length} statements`,
  );
  return run;
}

/** /earnings on PGlite, then on the Postgres server at `serverUrl` if there is one. */
export async function runEarningsBench(
  serverUrl: string,
  firstPort: number,
  durationMs: number,
): Promise<EarningsRun[]> {
  const runs: EarningsRun[] = [];
  const pgliteDir = path.resolve('.data/bench/pglite-earnings');
  rmSync(pgliteDir, { recursive: true, force: true });
  const local = await openDatabase({ dataDir: pgliteDir });
  const localSeed = await seedEarnings(local).finally(() => local.close());
  runs.push(
    await measureOn(
      'PGlite',
      { PGLITE_DIR: '.data/bench/pglite-earnings' },
      localSeed,
      [firstPort, firstPort + 2],
      durationMs,
    ),
  );
  if (!(await postgresAvailable(serverUrl))) {
    console.log(`No Postgres server at ${serverUrl}: measured /earnings on PGlite only.`);
    return runs;
  }
  const name = `wb_bench_earnings_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${name}`;
  try {
    const remote = await openDatabase({ url: dbUrl.toString(), max: 5 });
    const seed = await seedEarnings(remote).finally(() => remote.close());
    runs.push(
      await measureOn(
        'Postgres',
        { DATABASE_URL: dbUrl.toString() },
        seed,
        [firstPort + 1, firstPort + 3],
        durationMs,
      ),
    );
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
  return runs;
}

const met = (ok: boolean) => (ok ? '(met)' : '(NOT met)');

export function renderEarnings(runs: EarningsRun[]): string[] {
  return [
    `## The balance and timeline page (/earnings, five years of weekly invoices; targets ≥ ${EARNINGS_RATIO_TARGET * 100}% of /api/health at ${CONNECTIONS} connections, ≤ ${EARNINGS_QUERY_TARGET} statements)`,
    '',
    `One freelancer with ${WEEKS} weekly hourly invoices, each charged and released through the app's posting functions`,
    '(ledger transactions, entries and pending releases as the app writes them), everything due made available. Load and',
    'statements are measured as for the other pages (statements on a second server with `LOG_SQL_QUERIES=1`, after one',
    'warm-up request; the session lookup included).',
    '',
    '| database | seed (s) | /api/health req/s | /earnings req/s | p50 (ms) | p99 (ms) | errors | ratio | statements |',
    '|---|---:|---:|---:|---:|---:|---:|---|---|',
    ...runs.map((r) => {
      const ratio = r.earnings.rps / r.health.rps;
      return `| ${r.database} | ${r.seedSeconds.toFixed(1)} | ${r.health.rps.toFixed(0)} | ${r.earnings.rps.toFixed(0)} | ${r.earnings.p50.toFixed(1)} | ${r.earnings.p99.toFixed(1)} | ${r.earnings.errors} | ${(ratio * 100).toFixed(0)}% ${met(ratio >= EARNINGS_RATIO_TARGET && r.earnings.errors === 0)} | ${r.statements.length} ${met(r.statements.length <= EARNINGS_QUERY_TARGET)} |`;
    }),
  ];
}
