import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { closeDatabase, setActiveDatabase } from '@/db';
import { openDatabase, type Database } from '@/db/client';
import { GET } from '@/app/api/health/route';

/**
 * A real restart: a throwaway Postgres cluster of our own (Debian's binaries), so stopping it
 * cannot disturb the shared server. The app keeps its connection pool across the restart,
 * answers 503 while the server is down and 200 again once it is back, with no restart of its own.
 */
const binDir = findPostgresBin();
const asRoot = process.getuid?.() === 0;
// With the Postgres suite only (TEST_DATABASE_URL): the PGlite run has no server to restart.
const runnable =
  Boolean(process.env.TEST_DATABASE_URL) && Boolean(binDir) && (!asRoot || hasUser('postgres'));

function findPostgresBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  return versions
    .map((v) => path.join(base, v, 'bin'))
    .find((dir) => existsSync(path.join(dir, 'pg_ctl')));
}

function hasUser(name: string): boolean {
  return spawnSync('id', [name]).status === 0;
}

/** Postgres refuses to run as root: as root, its tools run as the postgres user. */
function pg(tool: string, args: string[]): void {
  const command = path.join(binDir!, tool);
  if (asRoot)
    execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
  else execFileSync(command, args, { stdio: 'pipe' });
}

(runnable ? describe : describe.skip)('the database server restarts while the app runs', () => {
  const port = 55_000 + Math.floor(Math.random() * 5_000);
  let dir: string;
  let database: Database;
  const pgCtl = (action: 'start' | 'stop') =>
    pg(
      'pg_ctl',
      action === 'start'
        ? [
            '-D',
            path.join(dir, 'data'),
            '-l',
            path.join(dir, 'log'),
            '-w',
            '-o',
            `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
            'start',
          ]
        : ['-D', path.join(dir, 'data'), '-m', 'fast', '-w', 'stop'],
    );

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'wb-restart-'));
    chmodSync(dir, 0o777);
    pg('initdb', ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
    pgCtl('start');
    database = await openDatabase({
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      max: 3,
    });
    setActiveDatabase(database);
  });

  afterAll(async () => {
    await closeDatabase();
    try {
      pgCtl('stop');
    } catch {
      // already stopped by a failed test
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports unhealthy while it is down and recovers by itself when it is back', async () => {
    expect((await GET()).status).toBe(200);
    await database.db.execute(sql`create table survivor (n int)`);

    pgCtl('stop');
    const down = await GET();
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ok: false, database: 'down' });

    pgCtl('start');
    const statuses: number[] = [];
    // Up to 30 s for the pool to reconnect: a busy machine is slow to take the server back up.
    for (let i = 0; i < 150 && statuses.at(-1) !== 200; i++) {
      statuses.push((await GET()).status);
      if (statuses.at(-1) !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(statuses.at(-1)).toBe(200);
    // Ordinary queries work again on the same pool, and the data survived the restart.
    await database.db.execute(sql`insert into survivor values (1)`);
    const rows = (await database.db.execute(
      sql`select count(*)::int as n from survivor`,
    )) as unknown as { n: number }[];
    expect(rows[0].n).toBe(1);
  });
});
