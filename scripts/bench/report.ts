import type { FirstLoadJs } from './first-load-js';
import type { LoadResult } from './load';
import type { QueryCount } from './query-count';

export type LoadRow = {
  database: string;
  name: string;
  result: LoadResult;
  ratio: number;
  target?: number;
};
export type BulkRow = { database: string; seconds: number[] };
export type QueryRun = { database: string; counts: QueryCount[] };

export const JS_TARGET_BYTES = 150_000;
export const QUERY_TARGET = 8;

const met = (ok: boolean) => (ok ? '(met)' : '(NOT met)');
const kB = (bytes: number) => (bytes / 1000).toFixed(1);
/** Where a statement's top-level FROM starts (not one inside a subquery of the select list). */
function topLevelFrom(line: string): number {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '(') depth++;
    else if (line[i] === ')') depth--;
    else if (depth === 0 && line.startsWith(' from ', i)) return i;
  }
  return -1;
}

/** One line, short enough to read: Drizzle's select lists run long, so they become "…". */
function shortSql(text: string): string {
  let line = text.replace(/\s+/g, ' ').trim();
  const from = line.startsWith('select ') ? topLevelFrom(line) : -1;
  if (from !== -1) line = `select …${line.slice(from)}`;
  return (line.length > 200 ? `${line.slice(0, 197)}…` : line).replaceAll('|', '\\|');
}

export function renderLoad(
  rows: LoadRow[],
  bulk: BulkRow[],
  connections: number,
  durationMs: number,
  machine: string,
  build: string,
): string[] {
  return [
    `Production build (\`next start\`, job worker off; ${build}), ${connections} concurrent connections, ${durationMs / 1000} s per page after a 1 s warm-up, on this machine (${machine}), ${new Date().toISOString()}.`,
    "Ratio: the page's requests per second (2xx answers only; anything else counts as an error, and a page with errors misses its target) divided by `/api/health`'s in the same run and database.",
    '',
    '| database | page | req/s | p50 (ms) | p99 (ms) | errors | ratio to /api/health | target |',
    '|---|---|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => {
      const target =
        r.target === undefined
          ? ''
          : `≥ ${r.target * 100}% ${met(r.ratio >= r.target && r.result.errors === 0)}`;
      return `| ${r.database} | ${r.name} | ${r.result.rps.toFixed(0)} | ${r.result.p50.toFixed(1)} | ${r.result.p99.toFixed(1)} | ${r.result.errors} | ${(r.ratio * 100).toFixed(0)}% | ${target} |`;
    }),
    '',
    '## Bulk invites (500 rows through the bulk path, one transaction; target under 5 s)',
    '',
    '| database | first 500 (s) | second 500 (s) |',
    '|---|---:|---:|',
    ...bulk.map(
      (b) => `| ${b.database} | ${b.seconds[0].toFixed(2)} | ${b.seconds[1].toFixed(2)} |`,
    ),
  ];
}

function ownGzipBytes(row: FirstLoadJs, rows: FirstLoadJs[]): number {
  const shared = (path: string) =>
    rows.every((other) => other.scripts.some((s) => s.path === path));
  return row.scripts.filter((s) => !shared(s.path)).reduce((sum, s) => sum + s.gzipBytes, 0);
}

export function renderFirstLoadJs(rows: FirstLoadJs[], database: string): string[] {
  return [
    `## First-load JavaScript of the onboarding pages (target ≤ ${JS_TARGET_BYTES / 1000} kB gzipped)`,
    '',
    `Each page is fetched from the production server (on ${database}; the scripts do not depend on the database) as a`,
    'seeded freelancer who has reached that step; the bench fails unless the page itself answers (HTTP 200, its own',
    '`<h1>`, no redirect). Counted: every `<script src>` (not `nomodule`) and every `<link rel="modulepreload">` or',
    '`<link rel="preload" as="script">` in the HTML, each file once, read from `.next/static/` and gzipped on its own',
    '(node:zlib `gzipSync`, level 9). 1 kB = 1,000 bytes. The inline RSC payload (`self.__next_f.push`) is part of the',
    'HTML and not counted.',
    '',
    '"Own scripts": the part of the gzipped total in files that not every page in the table loads.',
    '',
    '| page | scripts | raw (kB) | gzipped (kB) | own scripts, gzipped (kB) | target |',
    '|---|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.scripts.length} | ${kB(r.rawBytes)} | ${kB(r.gzipBytes)} | ${kB(ownGzipBytes(r, rows))} | ≤ ${JS_TARGET_BYTES / 1000} kB ${met(r.gzipBytes <= JS_TARGET_BYTES)} |`,
    ),
  ];
}

function repeatsText(count: QueryCount | undefined): string {
  if (!count) return '';
  if (count.repeated.length === 0) return 'none';
  return count.repeated.map((r) => `${r.times}× \`${shortSql(r.text)}\``).join('<br>');
}

export function renderQueryCounts(runs: QueryRun[]): string[] {
  const names = runs[0].counts.map((c) => c.name);
  const find = (run: QueryRun, name: string) => run.counts.find((c) => c.name === name);
  const lines = [
    `## SQL statements per page (target ≤ ${QUERY_TARGET}; no query inside a loop)`,
    '',
    'A separate `next start` with `LOG_SQL_QUERIES=1` (and the job worker off) writes one stdout line per statement sent',
    'through Drizzle or `executeSql` (its text only, never its parameters). The bench sends one request at a time,',
    "after one uncounted warm-up request to the same page (except the landing page's first visit), waits until the log",
    'has been quiet for 0.3 s after the response, and counts the lines in between; an idle check first proves nothing',
    'else queries. BEGIN and COMMIT of a transaction are not counted (the drivers send them themselves).',
    '"Same SQL more than once": one statement text run twice or more in one request (a query inside a loop, or a',
    'lookup that is not shared).',
    '',
    `| page | ${runs.map((r) => `${r.database} statements`).join(' | ')} | same SQL more than once | target |`,
    `|---|${runs.map(() => '---:').join('|')}|---|---|`,
  ];
  for (const name of names) {
    const counts = runs.map((run) => find(run, name));
    const most = Math.max(...counts.map((c) => c?.statements.length ?? 0));
    const repeats = runs.map((run) => repeatsText(find(run, name)));
    const sameRepeats = repeats.every((r) => r === repeats[0]);
    const repeatCell = sameRepeats
      ? repeats[0]
      : runs.map((run, i) => `${run.database}: ${repeats[i]}`).join('<br>');
    lines.push(
      `| ${name} | ${counts.map((c) => (c ? String(c.statements.length) : '')).join(' | ')} | ${repeatCell} | ≤ ${QUERY_TARGET} ${met(most <= QUERY_TARGET)} |`,
    );
  }
  lines.push('', `The statements each page ran (${runs[0].database}):`, '');
  for (const count of runs[0].counts) {
    lines.push(
      `<details><summary>${count.name}: ${count.statements.length}</summary>`,
      '',
      ...(count.statements.length === 0
        ? ['(none)']
        : count.statements.map((text, i) => `${i + 1}. \`${shortSql(text)}\``)),
      '',
      '</details>',
    );
  }
  return lines;
}
