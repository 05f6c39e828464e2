import { openDatabase } from './client';

const url = process.env.TEST_DATABASE_URL;

// pg-boss creates its schema with BEGIN … COMMIT in one parameterless string; on a pooled
// server connection that must run on one reserved connection.
(url ? it : it.skip)('runs a multi-statement transaction script on a pooled server connection', async () => {
  const database = await openDatabase({ url: url!, max: 5 });
  try {
    await expect(
      database.executeSql('BEGIN; CREATE TABLE wb_client_test (x int); INSERT INTO wb_client_test VALUES (41); COMMIT;'),
    ).resolves.toBeDefined();
    const { rows } = await database.executeSql('SELECT x + 1 AS y FROM wb_client_test', [] as unknown[]);
    expect(rows).toEqual([{ y: 42 }]);
    await database.executeSql('DROP TABLE wb_client_test');
    const again = await database.executeSql('SELECT 1 AS one; SELECT 2 AS two');
    expect(again.rows).toEqual([{ two: 2 }]);
  } finally {
    await database.close();
  }
});

it('runs parameterised SQL the way pg-boss sends it (objects as JSON)', async () => {
  const { PGlite } = await import('@electric-sql/pglite');
  const database = url ? await openDatabase({ url, max: 2 }) : await openDatabase({ pglite: await PGlite.create() });
  try {
    const { rows } = await database.executeSql('SELECT $1::jsonb AS data, $2::int AS n', [{ outboxId: 'x' }, 3]);
    expect(rows[0]).toEqual({ data: { outboxId: 'x' }, n: 3 });
  } finally {
    await database.close();
  }
});
