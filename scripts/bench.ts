/**
 * npm run bench: measures the production build against PGlite and against the Postgres
 * server (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres, where a
 * scratch database is created and dropped). Writes bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import postgres from 'postgres';
import { runLoad, type LoadResult } from './bench/load';
import { startServer } from './bench/server';

const CONNECTIONS = 20;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5_000);
const PAGES: { name: string; path: string }[] = [
  { name: '/api/health', path: '/api/health' },
  { name: 'home page', path: '/' },
];

type Row = { database: string; name: string; result: LoadResult; ratio: number };

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

async function measure(database: string, env: Record<string, string>, port: number): Promise<Row[]> {
  const server = await startServer(port, {
    AUTH_SECRET: 'bench-secret-0123456789abcdef0123456789abcdef',
    EMAIL_TRANSPORT: 'mailbox',
    APP_URL: `http://127.0.0.1:${port}`,
    ...env,
  });
  const rows: Row[] = [];
  try {
    let healthRps = NaN;
    for (const page of PAGES) {
      const result = await runLoad({ url: `${server.url}${page.path}`, connections: CONNECTIONS, durationMs: DURATION_MS });
      if (page.path === '/api/health') healthRps = result.rps;
      rows.push({ database, name: page.name, result, ratio: result.rps / healthRps });
      console.log(`${database.padEnd(9)} ${page.name.padEnd(28)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms  errors ${result.errors}`);
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
  rows.push(...(await measure('PGlite', { PGLITE_DIR: '.data/bench/pglite' }, 3200)));

  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await postgresAvailable(serverUrl)) {
    const name = `wb_bench_${Date.now()}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const dbUrl = new URL(serverUrl);
    dbUrl.pathname = `/${name}`;
    try {
      rows.push(...(await measure('Postgres', { DATABASE_URL: dbUrl.toString() }, 3201)));
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
    `Production build (\`next start\`), ${CONNECTIONS} concurrent connections, ${DURATION_MS / 1000} s per page after a 1 s warm-up, on this machine (${new Date().toISOString()}).`,
    'Ratio: the page\'s requests per second divided by `/api/health`\'s in the same run and database.',
    '',
    '| database | page | req/s | p50 (ms) | p99 (ms) | errors | ratio to /api/health |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.name} | ${r.result.rps.toFixed(0)} | ${r.result.p50.toFixed(1)} | ${r.result.p99.toFixed(1)} | ${r.result.errors} | ${(r.ratio * 100).toFixed(0)}% |`,
    ),
    '',
  ];
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/RESULTS.md', lines.join('\n'));
  console.log('\n' + lines.join('\n'));
}

await main();
