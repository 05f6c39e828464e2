import { spawn, type ChildProcess } from 'node:child_process';
import { nextStartArgs, SERVER_ENV } from '../next-start.mjs';
import { stopProcessGroup } from '../process-group';
import { createInterface } from 'node:readline';
import postgres from 'postgres';
import { QUERY_LOG_MARKER } from '@/db/client';

export type BenchServer = {
  url: string;
  /** With `logQueries`: every statement the server ran so far, in order (SQL text). */
  queries: string[];
  stop(): Promise<void>;
};

/**
 * Starts the production build on its own port and database; resolves when healthy.
 * `logQueries` starts it with LOG_SQL_QUERIES=1 and collects the statements it logs.
 */
export async function startServer(
  port: number,
  env: Record<string, string>,
  options: { logQueries?: boolean } = {},
): Promise<BenchServer> {
  // Its own process group, so stopping it stops every process next start made.
  const child: ChildProcess = spawn(process.execPath, nextStartArgs(port), {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      ...SERVER_ENV,
      ...env,
      ...(options.logQueries ? { LOG_SQL_QUERIES: '1' } : {}),
    },
    stdio: ['ignore', options.logQueries ? 'pipe' : 'ignore', 'inherit'],
    detached: true,
  });
  const queries: string[] = [];
  if (child.stdout) {
    // Read every line, so the pipe never fills and blocks the server.
    createInterface({ input: child.stdout }).on('line', (line) => {
      const at = line.indexOf(QUERY_LOG_MARKER);
      if (at !== -1) queries.push(JSON.parse(line.slice(at + QUERY_LOG_MARKER.length)) as string);
    });
  }
  const stop = () => stopProcessGroup(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('server did not become healthy');
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, queries, stop };
}

export function benchServerUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export async function postgresAvailable(url: string): Promise<boolean> {
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

/** A production server with the bench's environment for the length of `fn`. */
export async function withServer<T>(
  port: number,
  env: Record<string, string>,
  logQueries: boolean,
  fn: (server: BenchServer) => Promise<T>,
): Promise<T> {
  const server = await startServer(
    port,
    {
      AUTH_SECRET: 'bench-secret-0123456789abcdef0123456789abcdef',
      // Production refuses to start without one; a fixed key is fine for a throwaway database.
      DATA_ENCRYPTION_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
      EMAIL_TRANSPORT: 'mailbox',
      PAYMENTS_PROVIDER: 'simulated',
      // No background jobs: they would skew the load and mix into the per-request query counts.
      WORKER_MODE: 'off',
      APP_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    { logQueries },
  );
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}
