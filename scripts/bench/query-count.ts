import { fetchRenderedPage } from './fetch-page';
import type { PageVisit } from './pages';
import type { BenchServer } from './server';
import type { Seeded } from './seed';

export type QueryCount = {
  name: string;
  statements: string[];
  /** SQL texts run more than once in the one request: a query inside a loop, or a lookup not shared. */
  repeated: { text: string; times: number }[];
};

const QUIET_MS = 300;
const IDLE_CHECK_MS = 1_500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the server has logged nothing new for QUIET_MS (work after the response included). */
async function settle(server: BenchServer): Promise<void> {
  let seen = server.queries.length;
  let quietSince = Date.now();
  while (Date.now() - quietSince < QUIET_MS) {
    await sleep(50);
    if (server.queries.length !== seen) {
      seen = server.queries.length;
      quietSince = Date.now();
    }
  }
}

function repeatedIn(statements: string[]): QueryCount['repeated'] {
  const times = new Map<string, number>();
  for (const text of statements) times.set(text, (times.get(text) ?? 0) + 1);
  return [...times].filter(([, n]) => n > 1).map(([text, n]) => ({ text, times: n }));
}

/**
 * One request at a time against a server started with `logQueries`: the statements it logs
 * between the request and a quiet moment after the response are that request's. The server
 * runs no job worker (WORKER_MODE=off), and an idle check first proves nothing else queries.
 * Each page gets a warm-up request first (uncounted) unless it is about the first visit.
 */
export async function countQueries<S = Seeded>(
  server: BenchServer,
  pages: PageVisit<S>[],
  seeded: S,
): Promise<QueryCount[]> {
  await settle(server);
  const idleFrom = server.queries.length;
  await sleep(IDLE_CHECK_MS);
  await settle(server);
  if (server.queries.length !== idleFrom) {
    throw new Error(
      `the idle server ran statements, so counts per request would be wrong: ${server.queries.slice(idleFrom).join(' | ')}`,
    );
  }
  const results: QueryCount[] = [];
  for (const page of pages) {
    if (!page.firstVisit) {
      await fetchRenderedPage(server.url, page, seeded);
      await settle(server);
    }
    const from = server.queries.length;
    await fetchRenderedPage(server.url, page, seeded);
    await settle(server);
    const statements = server.queries.slice(from);
    results.push({ name: page.name, statements, repeated: repeatedIn(statements) });
  }
  return results;
}
