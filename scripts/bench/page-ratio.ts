import { SESSION_COOKIE } from './fetch-page';
import { runLoad, type LoadResult } from './load';
import type { PageVisit } from './pages';
import { countQueries } from './query-count';
import { withServer } from './server';

export type PageRatioRun = {
  database: string;
  health: LoadResult;
  page: LoadResult;
  statements: string[];
};

/**
 * One page against /api/health on the same production server, `connections` at a time for
 * `durationMs` each, then its SQL statements counted on a second server that logs them.
 * The cookie is the signed-in person's session token.
 */
export async function measurePageRatio<S>({
  label,
  env,
  page,
  seed,
  ports,
  durationMs,
  connections,
}: {
  label: string;
  env: Record<string, string>;
  page: PageVisit<S>;
  seed: S;
  ports: [number, number];
  durationMs: number;
  connections: number;
}): Promise<PageRatioRun> {
  const cookie = page.cookie?.(seed);
  const headers: Record<string, string> = cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {};
  const measured = await withServer(ports[0], env, false, async (server) => {
    const health = await runLoad({ url: `${server.url}/api/health`, connections, durationMs });
    const result = await runLoad({
      url: `${server.url}${page.path(seed)}`,
      connections,
      durationMs,
      headers,
    });
    return { health, page: result };
  });
  const [count] = await withServer(ports[1], env, true, (server) =>
    countQueries(server, [page], seed),
  );
  const { health, page: result } = measured;
  console.log(
    `${label.padEnd(9)} ${page.name} ${result.rps.toFixed(0)} req/s (p50 ${result.p50.toFixed(1)} ms, errors ${result.errors}) vs /api/health ${health.rps.toFixed(0)} req/s: ${((result.rps / health.rps) * 100).toFixed(0)}%, ${count.statements.length} statements`,
  );
  return { database: label, health, page: result, statements: count.statements };
}
