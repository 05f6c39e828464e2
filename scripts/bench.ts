/**
 * npm run bench: the production build on PGlite and on the Postgres server
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres, where a scratch
 * database is created and dropped): load per page, bulk invites, first-load JavaScript of
 * the onboarding pages, SQL statements per page,
 * mail delivery (scripts/bench/mail.ts), ledger posting (scripts/bench/ledger.ts) and the
 * billing tick (scripts/bench/tick.ts). Writes bench/RESULTS.md. BENCH_ONLY=mail, ledger or
 * tick runs that section alone and prints it (earnings: the balance page, scripts/bench/earnings.ts); BENCH_ONLY=pages runs the load and SQL statements
 * per page alone and prints them. BENCH_PORT (default 3200) is the first of the four ports its
 * servers use, so two benches on one machine need not share them.
 */
process.env.INVITES_PER_DAY ??= '100000';
process.env.EMAIL_TRANSPORT ??= 'mailbox';

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Database } from '@/db/client';
import { ensureBuild } from './bench/build';
import { renderEarnings, runEarningsBench } from './bench/earnings';
import { renderLedger, runLedgerBench } from './bench/ledger';
import { renderMail, runMailBench } from './bench/mail';
import { renderSearch, runSearchBench } from './bench/search';
import { renderSearchPage, runSearchPageBench } from './bench/search-page';
import { renderTick, runTickBench } from './bench/tick';
import { SESSION_COOKIE } from './bench/fetch-page';
import { measureFirstLoadJs, type FirstLoadJs } from './bench/first-load-js';
import { runLoad } from './bench/load';
import { ONBOARDING_PAGES, QUERY_PAGES } from './bench/pages';
import { countQueries } from './bench/query-count';
import {
  renderFirstLoadJs,
  renderLoad,
  renderQueryCounts,
  type BulkRow,
  type LoadRow,
  type QueryRun,
} from './bench/report';
import { seedBenchData, type Seeded } from './bench/seed';
import { benchServerUrl, postgresAvailable, withServer, type BenchServer } from './bench/server';

const CONNECTIONS = 20;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5_000);
const FIRST_PORT = Number(process.env.BENCH_PORT ?? 3_200);

type Page = {
  name: string;
  path: (s: Seeded) => string;
  cookie?: (s: Seeded) => string;
  target?: number;
};
const PAGES: Page[] = [
  { name: '/api/health', path: () => '/api/health' },
  { name: 'home page', path: () => '/' },
  {
    name: 'client invite list (1,000 invites)',
    path: () => '/client',
    cookie: (s) => s.clientCookie,
    target: 0.25,
  },
  { name: 'invite landing page', path: (s) => `/invite/${s.openInviteToken}`, target: 0.25 },
  {
    name: 'onboarding dashboard',
    path: () => '/onboarding',
    cookie: (s) => s.freelancerCookie,
    target: 0.25,
  },
];

async function measureLoad(label: string, server: BenchServer, seeded: Seeded): Promise<LoadRow[]> {
  const rows: LoadRow[] = [];
  let healthRps = NaN;
  for (const page of PAGES) {
    const headers: Record<string, string> = page.cookie
      ? { cookie: `${SESSION_COOKIE}=${page.cookie(seeded)}` }
      : {};
    const result = await runLoad({
      url: `${server.url}${page.path(seeded)}`,
      connections: CONNECTIONS,
      durationMs: DURATION_MS,
      headers,
    });
    if (page.name === '/api/health') healthRps = result.rps;
    rows.push({
      database: label,
      name: page.name,
      result,
      ratio: result.rps / healthRps,
      target: page.target,
    });
    console.log(
      `${label.padEnd(9)} ${page.name.padEnd(36)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms  errors ${result.errors}`,
    );
  }
  return rows;
}

type Measured = { load: LoadRow[]; queries: QueryRun; js?: FirstLoadJs[] };

/** Load on one server; then query counts (and, once, the JavaScript) on a second one that logs its SQL. */
async function measure(
  label: string,
  env: Record<string, string>,
  seeded: Seeded,
  ports: [number, number],
  withJs: boolean,
): Promise<Measured> {
  const load = await withServer(ports[0], env, false, (server) =>
    measureLoad(label, server, seeded),
  );
  return withServer(ports[1], env, true, async (server) => {
    const js = withJs ? await measureFirstLoadJs(server.url, ONBOARDING_PAGES, seeded) : undefined;
    for (const row of js ?? [])
      console.log(
        `first-load JS  ${row.name.padEnd(28)} ${row.scripts.length} scripts  ${(row.gzipBytes / 1000).toFixed(1)} kB gzipped`,
      );
    const counts = await countQueries(server, QUERY_PAGES, seeded);
    for (const c of counts)
      console.log(
        `${label.padEnd(9)} ${c.name.padEnd(44)} ${String(c.statements.length).padStart(3)} statements  ${c.repeated.length} repeated`,
      );
    return { load, js, queries: { database: label, counts } };
  });
}

async function seed(database: Database): Promise<Seeded> {
  try {
    return await seedBenchData(database);
  } finally {
    await database.close();
  }
}

type PagesMeasured = {
  load: LoadRow[];
  bulk: BulkRow[];
  queryRuns: QueryRun[];
  /** Measured once, on PGlite; only with `withJs`. */
  js?: FirstLoadJs[];
};

/** Load per page and SQL statements per page on PGlite, then on the Postgres server if there is one. */
async function measurePages(withJs: boolean): Promise<PagesMeasured> {
  const load: LoadRow[] = [];
  const bulk: BulkRow[] = [];
  const queryRuns: QueryRun[] = [];

  const pgliteDir = path.resolve('.data/bench/pglite');
  rmSync(pgliteDir, { recursive: true, force: true });
  const pgliteSeed = await seed(await openDatabase({ dataDir: pgliteDir }));
  bulk.push({ database: 'PGlite', seconds: pgliteSeed.bulkSeconds });
  const pglite = await measure(
    'PGlite',
    { PGLITE_DIR: '.data/bench/pglite' },
    pgliteSeed,
    [FIRST_PORT, FIRST_PORT + 2],
    withJs,
  );
  load.push(...pglite.load);
  queryRuns.push(pglite.queries);

  const serverUrl = benchServerUrl();
  if (await postgresAvailable(serverUrl)) {
    const name = `wb_bench_${Date.now()}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const dbUrl = new URL(serverUrl);
    dbUrl.pathname = `/${name}`;
    try {
      const seeded = await seed(await openDatabase({ url: dbUrl.toString(), max: 5 }));
      bulk.push({ database: 'Postgres', seconds: seeded.bulkSeconds });
      const measured = await measure(
        'Postgres',
        { DATABASE_URL: dbUrl.toString() },
        seeded,
        [FIRST_PORT + 1, FIRST_PORT + 3],
        false,
      );
      load.push(...measured.load);
      queryRuns.push(measured.queries);
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  } else {
    console.log(`No Postgres server at ${serverUrl}: measured PGlite only.`);
  }
  return { load, bulk, queryRuns, js: pglite.js };
}

// Other work on the machine lowers every req/s: the report says how busy it was.
const describeMachine = () =>
  `${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the start`;

async function main() {
  const build = ensureBuild();
  const machine = describeMachine();
  const pages = await measurePages(true);
  const serverUrl = benchServerUrl();
  const earnings = await runEarningsBench(serverUrl, FIRST_PORT, DURATION_MS);
  const mail = await runMailBench(serverUrl);
  const ledger = await runLedgerBench(serverUrl);
  const tick = await runTickBench(serverUrl);
  const search = await runSearchBench(serverUrl);
  const searchPage = await runSearchPageBench(serverUrl, FIRST_PORT, DURATION_MS);
  const lines = [
    '# Benchmark results',
    '',
    ...renderLoad(pages.load, pages.bulk, CONNECTIONS, DURATION_MS, machine, build),
    '',
    ...renderFirstLoadJs(pages.js!, 'PGlite'),
    '',
    ...renderQueryCounts(pages.queryRuns),
    '',
    ...renderEarnings(earnings),
    '',
    ...renderMail(mail),
    '',
    ...renderLedger(ledger),
    '',
    ...renderTick(tick),
    '',
    ...renderSearch(search),
    '',
    ...renderSearchPage(searchPage),
    '',
  ];
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/RESULTS.md', lines.join('\n'));
  console.log('\n' + lines.join('\n'));
}

/** BENCH_ONLY=pages: load and SQL statements per page, printed (bench/RESULTS.md stays as it is). */
async function mainPages() {
  const build = ensureBuild();
  const machine = describeMachine();
  const pages = await measurePages(false);
  const lines = [
    ...renderLoad(pages.load, pages.bulk, CONNECTIONS, DURATION_MS, machine, build),
    '',
    ...renderQueryCounts(pages.queryRuns),
  ];
  console.log('\n' + lines.join('\n'));
}

// BENCH_ONLY=mail (npm run bench:mail): the mail section alone, no Next build needed.
if (process.env.BENCH_ONLY === 'mail')
  console.log('\n' + renderMail(await runMailBench(benchServerUrl())).join('\n'));
// BENCH_ONLY=ledger (npm run bench:ledger): the ledger section alone, no Next build needed.
else if (process.env.BENCH_ONLY === 'ledger')
  console.log('\n' + renderLedger(await runLedgerBench(benchServerUrl())).join('\n'));
// BENCH_ONLY=tick (npm run bench:tick): the billing tick section alone, no Next build needed.
else if (process.env.BENCH_ONLY === 'tick')
  console.log('\n' + renderTick(await runTickBench(benchServerUrl())).join('\n'));
// BENCH_ONLY=search (npm run bench:search): job search over generated posts, no Next build needed.
else if (process.env.BENCH_ONLY === 'search')
  console.log('\n' + renderSearch(await runSearchBench(benchServerUrl())).join('\n'));
// BENCH_ONLY=search-page (npm run bench:search-page): the search page at 20 connections.
else if (process.env.BENCH_ONLY === 'search-page') {
  const build = ensureBuild();
  const runs = await runSearchPageBench(benchServerUrl(), FIRST_PORT, DURATION_MS);
  console.log(`\n${build}; ${describeMachine()}\n\n${renderSearchPage(runs).join('\n')}`);
}
// BENCH_ONLY=pages: the pages' load and SQL statements alone.
else if (process.env.BENCH_ONLY === 'pages') await mainPages();
// BENCH_ONLY=earnings (npm run bench:earnings): the balance page over five years of invoices.
else if (process.env.BENCH_ONLY === 'earnings') {
  const build = ensureBuild();
  const machine = describeMachine();
  const runs = await runEarningsBench(benchServerUrl(), FIRST_PORT, DURATION_MS);
  console.log(`\n${build}; ${machine}\n\n${renderEarnings(runs).join('\n')}`);
} else await main();
