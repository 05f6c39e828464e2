/**
 * npm run bench: the production build on PGlite and on the Postgres server
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres, where a scratch
 * database is created and dropped). Writes bench/RESULTS.md.
 */
process.env.INVITES_PER_DAY ??= '100000';
process.env.EMAIL_TRANSPORT ??= 'mailbox';

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { runLoad, type LoadResult } from './bench/load';
import { seedBenchData, type Seeded } from './bench/seed';
import { startServer } from './bench/server';

const CONNECTIONS = 20;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5_000);
const COOKIE = '__Secure-authjs.session-token';

type Page = { name: string; path: (s: Seeded) => string; cookie?: (s: Seeded) => string; target?: number };
const PAGES: Page[] = [
  { name: '/api/health', path: () => '/api/health' },
  { name: 'home page', path: () => '/' },
  { name: 'client invite list (1,000 invites)', path: () => '/client', cookie: (s) => s.clientCookie, target: 0.25 },
  { name: 'invite landing page', path: (s) => `/invite/${s.openInviteToken}`, target: 0.25 },
  { name: 'onboarding dashboard', path: () => '/onboarding', cookie: (s) => s.freelancerCookie, target: 0.25 },
];

type Row = { database: string; name: string; result: LoadResult; ratio: number; target?: number };

async function postgresAvailable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function measure(label: string, env: Record<string, string>, seeded: Seeded, port: number): Promise<Row[]> {
  const server = await startServer(port, {
    AUTH_SECRET: 'bench-secret-0123456789abcdef0123456789abcdef',
    EMAIL_TRANSPORT: 'mailbox',
    WORKER_MODE: 'off',
    APP_URL: `http://127.0.0.1:${port}`,
    ...env,
  });
  const rows: Row[] = [];
  try {
    let healthRps = NaN;
    for (const page of PAGES) {
      const headers: Record<string, string> = page.cookie ? { cookie: `${COOKIE}=${page.cookie(seeded)}` } : {};
      const result = await runLoad({ url: `${server.url}${page.path(seeded)}`, connections: CONNECTIONS, durationMs: DURATION_MS, headers });
      if (page.name === '/api/health') healthRps = result.rps;
      rows.push({ database: label, name: page.name, result, ratio: result.rps / healthRps, target: page.target });
      console.log(
        `${label.padEnd(9)} ${page.name.padEnd(36)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms  errors ${result.errors}`,
      );
    }
  } finally {
    await server.stop();
  }
  return rows;
}

async function main() {
  if (!existsSync('.next/BUILD_ID')) {
    const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const rows: Row[] = [];
  const bulk: { database: string; seconds: number[] }[] = [];

  const pgliteDir = path.resolve('.data/bench/pglite');
  rmSync(pgliteDir, { recursive: true, force: true });
  const pglite = await openDatabase({ dataDir: pgliteDir });
  const pgliteSeed = await seedBenchData(pglite);
  await pglite.close();
  bulk.push({ database: 'PGlite', seconds: pgliteSeed.bulkSeconds });
  rows.push(...(await measure('PGlite', { PGLITE_DIR: '.data/bench/pglite' }, pgliteSeed, 3200)));

  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await postgresAvailable(serverUrl)) {
    const name = `wb_bench_${Date.now()}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const dbUrl = new URL(serverUrl);
    dbUrl.pathname = `/${name}`;
    try {
      const database = await openDatabase({ url: dbUrl.toString(), max: 5 });
      const seeded = await seedBenchData(database);
      await database.close();
      bulk.push({ database: 'Postgres', seconds: seeded.bulkSeconds });
      rows.push(...(await measure('Postgres', { DATABASE_URL: dbUrl.toString() }, seeded, 3201)));
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  } else {
    console.log(`No Postgres server at ${serverUrl}: measured PGlite only.`);
  }

  const lines = [
    '# Benchmark results',
    '',
    `Production build (\`next start\`, job worker off), ${CONNECTIONS} concurrent connections, ${DURATION_MS / 1000} s per page after a 1 s warm-up, on this machine (2 cores), ${new Date().toISOString()}.`,
    "Ratio: the page's requests per second divided by `/api/health`'s in the same run and database.",
    '',
    '| database | page | req/s | p50 (ms) | p99 (ms) | errors | ratio to /api/health | target |',
    '|---|---|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => {
      const target = r.target === undefined ? '' : `≥ ${r.target * 100}% ${r.ratio >= r.target ? '(met)' : '(NOT met)'}`;
      return `| ${r.database} | ${r.name} | ${r.result.rps.toFixed(0)} | ${r.result.p50.toFixed(1)} | ${r.result.p99.toFixed(1)} | ${r.result.errors} | ${(r.ratio * 100).toFixed(0)}% | ${target} |`;
    }),
    '',
    '## Bulk invites (500 rows through the bulk path, one transaction; target under 5 s)',
    '',
    '| database | first 500 (s) | second 500 (s) |',
    '|---|---:|---:|',
    ...bulk.map((b) => `| ${b.database} | ${b.seconds[0].toFixed(2)} | ${b.seconds[1].toFixed(2)} |`),
    '',
  ];
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/RESULTS.md', lines.join('\n'));
  console.log('\n' + lines.join('\n'));
}

await main();
