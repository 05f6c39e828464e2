import { rmSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Database } from '@/db/client';
import { searchJobPosts } from '@/lib/job-search/search';
import { suggestSpelling } from '@/lib/job-search/suggest';

/*
 * Job search (issue 18): JOBS generated job posts (seeded in one `insert … select` over
 * generate_series), then each query RUNS times in a row at one connection, in process (no
 * Next build), on PGlite and on the Postgres server. Target: p99 under 100 ms for a two-word
 * query with two filters and for a stop-word query.
 */
export const JOBS = Number(process.env.BENCH_SEARCH_JOBS ?? 100_000);
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 200);
export const SEARCH_TARGET_MS = 100;
const ONLY = process.env.BENCH_SEARCH_DATABASE;

const TITLE_WORDS = [
  'react',
  'developer',
  'designer',
  'senior',
  'mobile',
  'backend',
  'python',
  'data',
  'writer',
  'marketing',
  'shopify',
  'wordpress',
  'engineer',
  'logo',
  'video',
  'editor',
  'android',
  'ios',
  'golang',
  'rust',
  'analyst',
  'seo',
  'copywriter',
  'illustrator',
  'devops',
  'consultant',
  'translator',
  'accountant',
  'tutor',
  'architect',
  'tester',
  'animator',
  'photographer',
  'recruiter',
  'manager',
  'scientist',
  'researcher',
  'support',
  'sales',
  'assistant',
];
const SKILLS = [
  'React',
  'TypeScript',
  'Figma',
  'Python',
  'SQL',
  'Node.js',
  'Go',
  'Rust',
  'Swift',
  'Kotlin',
  'Photoshop',
  'Illustrator',
  'SEO',
  'Copywriting',
  'Excel',
  'AWS',
  'Docker',
  'Kubernetes',
  'Django',
  'Rails',
  'PHP',
  'Laravel',
  'Vue',
  'Angular',
  'Premiere',
  'After Effects',
  'Blender',
  'Unity',
  'Salesforce',
  'HubSpot',
];
const DESC_WORDS = [
  'build',
  'improve',
  'launch',
  'maintain',
  'our',
  'new',
  'existing',
  'product',
  'website',
  'app',
  'dashboard',
  'store',
  'brand',
  'campaign',
  'platform',
  'service',
  'team',
  'startup',
  'agency',
  'client',
  'quality',
  'fast',
  'long',
  'term',
  'project',
  'feature',
  'design',
  'api',
  'database',
  'report',
  'content',
  'strategy',
  'growth',
  'users',
  'customers',
  'payments',
  'search',
  'analytics',
  'automation',
  'testing',
];

export type SearchBenchRow = {
  database: 'PGlite' | 'Postgres';
  query: string;
  p50: number;
  p99: number;
  hits: number;
};

const lit = (words: string[]) =>
  `array[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(',')}]`;

export async function seedSearchPosts(database: Database): Promise<string> {
  const db = database.db;
  await db.execute(
    sql.raw(`
    with u as (insert into "user" (id, email, name, active_side) values
      (gen_random_uuid()::text, 'bench-search-client@example.com', 'Bench Client', 'client') returning id)
    insert into client_workspace (owner_id, name, type) select id, 'Bench', 'company' from u`),
  );
  await db.execute(
    sql.raw(`
    insert into "user" (id, email, name, active_side, "emailVerified")
    values (gen_random_uuid()::text, 'bench-search-freelancer@example.com', 'Bench Freelancer', 'freelancer', now())`),
  );
  const t = lit(TITLE_WORDS);
  const s = lit(SKILLS);
  const d = lit(DESC_WORDS);
  const nt = TITLE_WORDS.length;
  const ns = SKILLS.length;
  const nd = DESC_WORDS.length;
  await db.execute(
    sql.raw(`
    insert into job_post (workspace_id, created_by_id, title, description, skills, budget_kind,
      hourly_min_cents, hourly_max_cents, fixed_budget_cents, experience, duration, workload,
      status, opened_at, expires_at)
    select w.id, w.owner_id,
      initcap((${t})[1 + i % ${nt}] || ' ' || (${t})[1 + (i / ${nt}) % ${nt}] || ' for ' || (${d})[1 + i % ${nd}]),
      (select string_agg((${d})[1 + (i * 7 + k * 13) % ${nd}], ' ') from generate_series(1, 40) k),
      array[(${s})[1 + i % ${ns}], (${s})[1 + (i / 3) % ${ns}], (${s})[1 + (i / 7) % ${ns}]],
      (case when i % 2 = 0 then 'hourly' else 'fixed' end)::job_budget_kind,
      case when i % 2 = 0 then 2000 + (i % 50) * 100 end,
      case when i % 2 = 0 then 4000 + (i % 50) * 100 end,
      case when i % 2 = 1 then 50000 + (i % 100) * 1000 end,
      (array['entry','intermediate','expert'])[1 + i % 3]::experience_level,
      (array['under_1_month','1_to_3_months','3_to_6_months','over_6_months'])[1 + i % 4]::job_duration,
      (array['under_10','10_to_30','over_30'])[1 + i % 3]::job_workload,
      (case when i % 10 = 0 then 'expired' else 'open' end)::job_post_status,
      now() - make_interval(secs => (i * 2593) % (40 * 86400)),
      now() + interval '30 days'
    from generate_series(1, ${JOBS}) i, client_workspace w`),
  );
  await db.execute(sql.raw('analyze job_post'));
  await db.execute(sql.raw('analyze job_search_term'));
  const [row] = (
    await database.executeSql(
      `select id from "user" where email = 'bench-search-freelancer@example.com'`,
    )
  ).rows;
  return String(row!.id);
}

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 10; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]!;
  return { p50: at(50), p99: at(99) };
}

async function benchDatabase(
  name: SearchBenchRow['database'],
  database: Database,
): Promise<SearchBenchRow[]> {
  try {
    await migrateDatabase(database);
    const startedAt = performance.now();
    const userId = await seedSearchPosts(database);
    console.log(
      `${name}: ${JOBS} job posts seeded in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
    );
    const viewer = { userId };
    const queries: [string, () => Promise<number>][] = [
      [
        '"react developer", hourly, posted within 7 days',
        async () =>
          (
            await searchJobPosts(database.db, viewer, {
              q: 'react developer',
              kind: 'hourly',
              posted: '7d',
            })
          ).hits.length,
      ],
      [
        '"the" (stop word: newest first)',
        async () => (await searchJobPosts(database.db, viewer, { q: 'the' })).hits.length,
      ],
      [
        '"designer", newest first, page 2',
        async () => {
          const first = await searchJobPosts(database.db, viewer, {
            q: 'designer',
            sort: 'newest',
          });
          return (
            await searchJobPosts(database.db, viewer, {
              q: 'designer',
              sort: 'newest',
              cursor: first.nextCursor,
            })
          ).hits.length;
        },
      ],
      [
        'suggestion for "desinger reactt"',
        async () => ((await suggestSpelling(database.db, 'desinger reactt')) ? 1 : 0),
      ],
    ];
    const rows: SearchBenchRow[] = [];
    for (const [query, fn] of queries) {
      const hits = await fn();
      const { p50, p99 } = await time(fn);
      console.log(
        `${name.padEnd(8)} ${query.padEnd(48)} p50 ${p50.toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  (${hits} hits)`,
      );
      rows.push({ database: name, query, p50, p99, hits });
    }
    return rows;
  } finally {
    await database.close();
  }
}

export async function runSearchBench(serverUrl: string): Promise<SearchBenchRow[]> {
  const rows: SearchBenchRow[] = [];
  if (ONLY !== 'Postgres') {
    const dir = path.resolve('.data/bench/search-pglite');
    rmSync(dir, { recursive: true, force: true });
    rows.push(...(await benchDatabase('PGlite', await openDatabase({ dataDir: dir }))));
    rmSync(dir, { recursive: true, force: true });
  }
  if (ONLY === 'PGlite') return rows;
  const admin = postgres(serverUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  const name = `wb_bench_search_${Date.now()}`;
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch {
    console.log(`No Postgres server at ${serverUrl}: search measured on PGlite only.`);
    await admin.end();
    return rows;
  }
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    rows.push(
      ...(await benchDatabase('Postgres', await openDatabase({ url: url.toString(), max: 1 }))),
    );
    return rows;
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

const met = (ok: boolean) => (ok ? '(met)' : '(NOT met)');

export function renderSearch(rows: SearchBenchRow[]): string[] {
  return [
    '## Job search',
    '',
    `${JOBS} generated job posts (90% open), each query ${RUNS} times in a row at one connection through \`searchJobPosts\` / \`suggestSpelling\`, in process. Target: p99 under ${SEARCH_TARGET_MS} ms.`,
    '',
    '| database | query | hits | p50 (ms) | p99 (ms) |',
    '|---|---|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.query} | ${r.hits} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} ${met(r.p99 < SEARCH_TARGET_MS)} |`,
    ),
  ];
}
