import { rmSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { freelancerProfiles } from '@/db/schema';
import { migrateDatabase, openDatabase, type Database } from '@/db/client';
import { createSession } from '@/lib/auth/service';
import { measurePageRatio, type PageRatioRun } from './page-ratio';
import type { PageVisit } from './pages';
import { JOBS, seedSearchPosts } from './search';
import { postgresAvailable } from './server';

/*
 * The search page (issue 18): /find-work/search for a signed-in freelancer over JOBS
 * generated posts (the one-connection search bench's seed), a two-word query with two
 * filters, at 20 connections against /api/health on the same production server.
 * Target: at least 25% of /api/health's throughput.
 */
export const SEARCH_PAGE_RATIO_TARGET = 0.25;
const CONNECTIONS = 20;

type SearchPageSeed = { cookie: string };

const PAGE: PageVisit<SearchPageSeed> = {
  name: '/find-work/search ("react developer", hourly, 7 days)',
  path: () => '/find-work/search?q=react+developer&kind=hourly&posted=7d',
  cookie: (s) => s.cookie,
  heading: /^Search jobs$/,
};

async function seedSearchPage(database: Database): Promise<SearchPageSeed> {
  await migrateDatabase(database);
  const userId = await seedSearchPosts(database);
  // The page is for freelancers: a bare freelancer profile makes the bench user one.
  await database.db.insert(freelancerProfiles).values({ userId });
  // The search seed analyzes its two tables; the rest (sessions, profiles) as autovacuum would.
  await database.db.execute(sql`analyze`);
  const session = await createSession(database.db, userId);
  return { cookie: session.token };
}

/** The search page on PGlite, then on the Postgres server at `serverUrl` if there is one. */
export async function runSearchPageBench(
  serverUrl: string,
  firstPort: number,
  durationMs: number,
): Promise<PageRatioRun[]> {
  const runs: PageRatioRun[] = [];
  const measure = (
    label: string,
    env: Record<string, string>,
    seed: SearchPageSeed,
    ports: [number, number],
  ) =>
    measurePageRatio({ label, env, page: PAGE, seed, ports, durationMs, connections: CONNECTIONS });
  const dir = '.data/bench/pglite-search-page';
  rmSync(path.resolve(dir), { recursive: true, force: true });
  const local = await openDatabase({ dataDir: path.resolve(dir) });
  const localSeed = await seedSearchPage(local).finally(() => local.close());
  try {
    runs.push(await measure('PGlite', { PGLITE_DIR: dir }, localSeed, [firstPort, firstPort + 2]));
  } finally {
    rmSync(path.resolve(dir), { recursive: true, force: true });
  }
  if (!(await postgresAvailable(serverUrl))) {
    console.log(`No Postgres server at ${serverUrl}: measured the search page on PGlite only.`);
    return runs;
  }
  const name = `wb_bench_search_page_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const remote = await openDatabase({ url: url.toString(), max: 5 });
    const seed = await seedSearchPage(remote).finally(() => remote.close());
    runs.push(
      await measure('Postgres', { DATABASE_URL: url.toString() }, seed, [
        firstPort + 1,
        firstPort + 3,
      ]),
    );
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
  return runs;
}

const met = (ok: boolean) => (ok ? '(met)' : '(NOT met)');

export function renderSearchPage(runs: PageRatioRun[]): string[] {
  return [
    `## The search page (${JOBS} job posts; target ≥ ${SEARCH_PAGE_RATIO_TARGET * 100}% of /api/health at ${CONNECTIONS} connections)`,
    '',
    `${PAGE.name} for a signed-in freelancer, on a production server, against /api/health on the same server; statements`,
    'counted on a second server with `LOG_SQL_QUERIES=1` (the session lookup included).',
    '',
    '| database | /api/health req/s | search page req/s | p50 (ms) | p99 (ms) | errors | ratio | statements |',
    '|---|---:|---:|---:|---:|---:|---|---:|',
    ...runs.map((r) => {
      const ratio = r.page.rps / r.health.rps;
      return `| ${r.database} | ${r.health.rps.toFixed(0)} | ${r.page.rps.toFixed(0)} | ${r.page.p50.toFixed(1)} | ${r.page.p99.toFixed(1)} | ${r.page.errors} | ${(ratio * 100).toFixed(0)}% ${met(ratio >= SEARCH_PAGE_RATIO_TARGET && r.page.errors === 0)} | ${r.statements.length} |`;
    }),
  ];
}
