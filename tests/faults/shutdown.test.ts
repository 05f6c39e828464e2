import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { openDatabase, type Database } from '@/db/client';
import { enqueueSignInEmail, findOutboxRow } from '@/tests/helpers/outbox';
import { startResendStandIn, SLOW_ANSWER_MS } from '@/tests/helpers/resend-stand-in';
import { adminUrl, TEMPLATE_DB_VAR, TEMPLATE_FILE_VAR } from '@/tests/helpers/template';
import { pgliteExtensions } from '@/db/pglite-extensions';

/**
 * SIGTERM while a delivery is in flight, to the real process entries: `npm start`'s
 * scripts/next-start.mjs (with Next's CLI, HTTP server and signal handling; only its request
 * handlers, which need a build, are stood in for) and `npm run worker`. The process must let
 * the delivery finish, close the database and exit 0, leaving the message sent.
 */
let standIn: Awaited<ReturnType<typeof startResendStandIn>>;
const running = new Set<number>();
beforeAll(async () => {
  standIn = await startResendStandIn();
});
afterAll(async () => {
  for (const pid of running) killGroup(pid, 'SIGKILL');
  await standIn.close();
});

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/**
 * A database of its own for a child process: a Postgres database, or a PGlite directory.
 * `open` is for the test, before the child starts and after it exited.
 */
type ChildDatabase = {
  env: Record<string, string>;
  open(): Promise<Database>;
  dispose(): Promise<void>;
};

async function databaseForChild(): Promise<ChildDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `wb_shutdown_${process.pid}_${Date.now()}`;
    const admin = postgres(adminUrl(serverUrl), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" template "${process.env[TEMPLATE_DB_VAR]}"`);
    await admin.end();
    const url = adminUrl(serverUrl, name);
    return {
      env: { DATABASE_URL: url },
      open: () => openDatabase({ url, max: 2 }),
      async dispose() {
        const again = postgres(adminUrl(serverUrl), { max: 1, onnotice: () => {} });
        await again.unsafe(`drop database if exists "${name}" with (force)`);
        await again.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'wb-shutdown-'));
  let loaded = false;
  return {
    env: { PGLITE_DIR: dir },
    async open() {
      if (loaded) return openDatabase({ dataDir: dir });
      loaded = true;
      const dump = new Blob([readFileSync(process.env[TEMPLATE_FILE_VAR]!)]);
      return openDatabase({
        pglite: await PGlite.create({
          dataDir: dir,
          loadDataDir: dump,
          extensions: pgliteExtensions,
        }),
      });
    },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function withDatabase<T>(target: ChildDatabase, fn: (db: Database) => Promise<T>) {
  const database = await target.open();
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** Queues a sign-in email whose delivery the stand-in answers slowly. */
function enqueueSlowEmail(target: ChildDatabase, to: string): Promise<string> {
  standIn.queueFor(to, 'slow');
  return withDatabase(target, (database) => enqueueSignInEmail(database.db, to));
}

const outboxRow = (target: ChildDatabase, id: string) =>
  withDatabase(target, (database) => findOutboxRow(database.db, id));

const deliveryJobState = (target: ChildDatabase, outboxId: string) =>
  withDatabase(target, async (database) => {
    const { rows } = await database.executeSql(
      `select state from pgboss.job where name = 'email-deliver' and data->>'outboxId' = $1`,
      [outboxId],
    );
    return rows[0].state;
  });

/** A production process with Resend pointed at the stand-in, in a process group of its own. */
function startProcess(args: string[], env: Record<string, string>) {
  const inherited = { ...process.env };
  for (const key of ['NODE_OPTIONS', 'DATABASE_URL', 'PGLITE_DIR']) delete inherited[key];
  const child = spawn(process.execPath, args, {
    env: {
      ...inherited,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      AUTH_SECRET: 'shutdown-test-secret-0123456789abcdef',
      DATA_ENCRYPTION_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
      EMAIL_TRANSPORT: 'resend',
      RESEND_API_KEY: 're_test_key',
      RESEND_BASE_URL: standIn.baseUrl,
      EMAIL_FROM: 'Workbridge <no-reply@workbridge.test>',
      PAYMENTS_PROVIDER: 'simulated',
      SEED_DEMO: 'false',
      // Production refuses to start without it; the tests that serve pass their own port.
      APP_URL: 'http://127.0.0.1:3000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child.pid!);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child.pid!);
      resolve(code);
    }),
  );
  return {
    pid: child.pid!,
    exited,
    output: () => output,
    hasExited: () => child.exitCode !== null,
  };
}

/**
 * Generous limits, as the lane's 120 s test timeout: this lane starts real processes, and
 * the machine may be busy (a 20 s start-up limit and 40 s test timeouts ran out under load).
 */
const START_MS = 60_000;
const EXIT_MS = 30_000;

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, ms = START_MS) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<T>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const requestsTo = (to: string) => standIn.requests.filter((r) => r.body.to === to);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const answers = (url: string) =>
  fetch(url).then(
    (res) => res.ok,
    () => false,
  );

const FIXTURE = pathToFileURL(path.resolve('tests/faults/fixtures/next-without-build.mjs')).href;

describe('SIGTERM during a delivery', () => {
  it('npm start stops taking requests, lets the delivery finish and exits 0', async () => {
    const target = await databaseForChild();
    try {
      const to = 'next-start@example.com';
      const id = await enqueueSlowEmail(target, to);
      const port = await freePort();
      const server = startProcess(['scripts/next-start.mjs', '-p', String(port)], {
        ...target.env,
        NODE_OPTIONS: `--import tsx --import ${FIXTURE}`,
      });
      const url = `http://127.0.0.1:${port}/`;
      await waitFor('the server', () => answers(url));
      await waitFor('the delivery to start', () => requestsTo(to).length === 1);

      const signalledAt = Date.now();
      // The whole group, as Ctrl-C does: the server can get it twice (sent and passed on).
      killGroup(server.pid, 'SIGTERM');
      // New requests are refused while the delivery is still running.
      const stillSending = SLOW_ANSWER_MS / 2;
      await waitFor(
        'the server to stop listening',
        async () => !(await answers(url)),
        stillSending,
      );
      expect(server.hasExited()).toBe(false);

      const code = await within(server.exited, EXIT_MS, 'still running');
      expect({ code, output: server.output() }).toEqual({ code: 0, output: expect.any(String) });
      // It exits once the delivery is done, not after the 10 s that jobs get to finish.
      expect(Date.now() - signalledAt).toBeLessThan(SLOW_ANSWER_MS + 10_000);
      const row = await outboxRow(target, id);
      expect(row.status).toBe('sent');
      expect(row.attempts).toBe(1);
      // pg-boss recorded the job as done before the database closed: no retry after a restart.
      expect(await deliveryJobState(target, id)).toBe('completed');
      expect(requestsTo(to)).toHaveLength(1);
    } finally {
      await target.dispose();
    }
  });

  // `npm run worker` needs DATABASE_URL: the PGlite run has no server to share.
  (process.env.TEST_DATABASE_URL ? it : it.skip)(
    'npm run worker lets the delivery finish and exits 0',
    async () => {
      const target = await databaseForChild();
      try {
        const to = 'worker@example.com';
        const id = await enqueueSlowEmail(target, to);
        const worker = startProcess(['--import', 'tsx', 'scripts/worker.ts'], {
          ...target.env,
        });
        await waitFor('the delivery to start', () => requestsTo(to).length === 1);
        killGroup(worker.pid, 'SIGTERM');

        const code = await within(worker.exited, EXIT_MS, 'still running');
        expect({ code, output: worker.output() }).toEqual({ code: 0, output: expect.any(String) });
        const row = await outboxRow(target, id);
        expect(row.status).toBe('sent');
        expect(requestsTo(to)).toHaveLength(1);
        expect(await deliveryJobState(target, id)).toBe('completed');
      } finally {
        await target.dispose();
      }
    },
  );
});

it('npm run worker names each bad variable, without a stack trace, and exits 1', async () => {
  const worker = startProcess(['--import', 'tsx', 'scripts/worker.ts'], {
    APP_URL: 'not a url',
    EMAIL_MAX_ATTEMPTS: 'lots',
  });
  const code = await within(worker.exited, EXIT_MS, 'still running');
  expect(code).toBe(1);
  expect(worker.output()).toMatch(
    /^Invalid environment:\n {2}- APP_URL [^\n]+\n {2}- EMAIL_MAX_ATTEMPTS [^\n]+\n$/,
  );
});
