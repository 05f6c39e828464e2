import { PGlite, types } from '@electric-sql/pglite';
import { templatePglite } from '@/tests/helpers/db';
import { withPreparedStatements } from './pglite-statements';

let pglite: PGlite;
beforeAll(async () => {
  pglite = await templatePglite();
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
