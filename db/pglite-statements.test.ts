import { jest } from '@jest/globals';
import { PGlite, types } from '@electric-sql/pglite';
import { templatePglite } from '@/tests/helpers/db';
import { openDatabase } from './client';
import {
  CHECKED_PGLITE_VERSIONS,
  installedPgliteVersion,
  withPreparedStatements,
} from './pglite-statements';

/** On the Postgres server's lane no PGlite template is built: a bare PGlite serves (these
 * statements need no schema). */
const freshPglite = () => (process.env.TEST_DATABASE_URL ? PGlite.create() : templatePglite());

let pglite: PGlite;
beforeAll(async () => {
  pglite = await freshPglite();
});
afterAll(() => pglite.close());

it('answers like PGlite itself, with and without the caller’s parsers', async () => {
  const client = withPreparedStatements(pglite);
  const text = `SELECT $1::int AS n, $2::timestamptz AS at, $3::text AS s, $4::jsonb AS j, NULL::int AS none`;
  const params = [7, '2026-01-02T03:04:05Z', 'x', JSON.stringify({ a: 1 })];
  for (const options of [undefined, { rowMode: 'array' as const }]) {
    const ours = await client.query(text, params, options);
    const theirs = await pglite.query(text, params, options);
    expect(ours.rows).toEqual(theirs.rows);
    expect(ours.fields).toEqual(theirs.fields);
  }
  // Drizzle's way: keep timestamps as text, every other type parsed by PGlite's own parsers.
  const keepText = { [types.TIMESTAMPTZ]: (value: string) => `raw:${value}` };
  const { rows } = await client.query<{ n: number; at: string; j: unknown; none: null }>(
    text,
    params,
    { parsers: keepText },
  );
  expect(rows[0]).toEqual({
    n: 7,
    at: 'raw:2026-01-02 03:04:05+00',
    s: 'x',
    j: { a: 1 },
    none: null,
  });
  // Nothing leaks into PGlite's shared parsers or into the next call.
  expect((await client.query<{ at: unknown }>(text, params)).rows[0].at).toBeInstanceOf(Date);
});

it('prepares a statement once and still sees a later schema change’s errors', async () => {
  const client = withPreparedStatements(pglite);
  await pglite.exec('CREATE TABLE t_prep (x int)');
  await client.query('INSERT INTO t_prep VALUES ($1)', [1]);
  await client.query('INSERT INTO t_prep VALUES ($1)', [2]);
  expect(
    (await client.query<{ total: number }>('SELECT sum(x)::int AS total FROM t_prep')).rows,
  ).toEqual([{ total: 3 }]);
  await expect(client.query('INSERT INTO t_prep VALUES ($1)', ['not a number'])).rejects.toThrow(
    /invalid input syntax/,
  );
});

// It calls PGlite's private methods: an upgrade fails here until the file is checked again.
it('was checked against the installed PGlite version', () => {
  expect(CHECKED_PGLITE_VERSIONS).toContain(installedPgliteVersion());
});

it('leaves PGlite as it is on a version it was not checked against', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    // Compared by identity: a failing toBe would print the whole PGlite instance.
    expect(withPreparedStatements(pglite, '0.9.0') === pglite).toBe(true);
    expect(withPreparedStatements(pglite, '0.5.16') === pglite).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('PGlite 0.9.0'));
  } finally {
    warn.mockRestore();
  }
});

it('prepares nothing when switched off (PGLITE_PREPARED_STATEMENTS=false)', async () => {
  const own = await freshPglite();
  try {
    const database = await openDatabase({ pglite: own, preparedStatements: false });
    await database.executeSql('SELECT $1::int AS n', [1]);
    await database.executeSql('SELECT $1::int AS n', [2]);
    const { rows } = await own.query('SELECT name FROM pg_prepared_statements');
    expect(rows).toEqual([]);
    const on = await openDatabase({ pglite: own });
    await on.executeSql('SELECT $1::int AS n', [3]);
    expect((await own.query('SELECT name FROM pg_prepared_statements')).rows).toHaveLength(1);
  } finally {
    await own.close();
  }
});
