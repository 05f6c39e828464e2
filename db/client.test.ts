import { jest } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { createTestDatabase, templatePglite } from '@/tests/helpers/db';
import { logQueryLine, openDatabase, QUERY_LOG_MARKER } from './client';

const onServer = Boolean(process.env.TEST_DATABASE_URL);

// On a server, every test here opens its own connections to this file's fresh database,
// never to the shared TEST_DATABASE_URL one.
let fresh: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let url: string | undefined;
beforeAll(async () => {
  if (!onServer) return;
  fresh = await createTestDatabase();
  url = fresh.url;
});
afterAll(() => fresh?.dispose());

// pg-boss creates its schema with BEGIN … COMMIT in one parameterless string; on a pooled
// server connection that must run on one reserved connection.
(onServer ? it : it.skip)(
  'runs a multi-statement transaction script on a pooled server connection',
  async () => {
    const database = await openDatabase({ url: url!, max: 5 });
    try {
      await expect(
        database.executeSql(
          'BEGIN; CREATE TABLE wb_client_test (x int); INSERT INTO wb_client_test VALUES (41); COMMIT;',
        ),
      ).resolves.toBeDefined();
      const { rows } = await database.executeSql(
        'SELECT x + 1 AS y FROM wb_client_test',
        [] as unknown[],
      );
      expect(rows).toEqual([{ y: 42 }]);
      await database.executeSql('DROP TABLE wb_client_test');
      const again = await database.executeSql('SELECT 1 AS one; SELECT 2 AS two');
      expect(again.rows).toEqual([{ two: 2 }]);
    } finally {
      await database.close();
    }
  },
);

it('runs parameterised SQL the way pg-boss sends it (objects as JSON)', async () => {
  const database = url
    ? await openDatabase({ url, max: 2 })
    : await openDatabase({ pglite: await templatePglite() });
  try {
    const { rows } = await database.executeSql('SELECT $1::jsonb AS data, $2::int AS n', [
      { outboxId: 'x' },
      3,
    ]);
    expect(rows[0]).toEqual({ data: { outboxId: 'x' }, n: 3 });
  } finally {
    await database.close();
  }
});

// Several servers migrate at start: the lock must be released on the connection that took it.
(onServer ? it : it.skip)(
  'withLock serialises two processes and always releases the lock',
  async () => {
    const first = await openDatabase({ url: url!, max: 3 });
    const second = await openDatabase({ url: url!, max: 3 });
    const order: string[] = [];
    try {
      await Promise.all(
        [first, second].map((database, i) =>
          database.withLock(777_001, async () => {
            order.push(`start ${i}`);
            await new Promise((r) => setTimeout(r, 100));
            order.push(`end ${i}`);
          }),
        ),
      );
      expect(order[0].replace('start', 'end')).toBe(order[1]);
      const { rows } = await second.executeSql('select pg_try_advisory_lock($1) as got', [777_001]);
      expect(rows[0].got).toBe(true);
      await second.executeSql('select pg_advisory_unlock($1)', [777_001]);
    } finally {
      await first.close();
      await second.close();
    }
  },
);

// The bench counts statements per page from these; parameters never reach the listener.
it('hands every statement to onQuery: Drizzle queries and raw executeSql alike', async () => {
  const seen: unknown[][] = [];
  const database = url
    ? await openDatabase({ url, max: 2, onQuery: (...args: unknown[]) => seen.push(args) })
    : await openDatabase({
        pglite: await templatePglite(),
        onQuery: (...args: unknown[]) => seen.push(args),
      });
  try {
    await database.db.execute(sql`select ${'secret-value'}::text as v`);
    await database.executeSql('select $1::int as n', [7]);
    expect(seen).toEqual([['select $1::text as v'], ['select $1::int as n']]);
  } finally {
    await database.close();
  }
});

it('logQueryLine writes one marked line per statement, even for multi-line SQL', () => {
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    logQueryLine('select 1\nfrom t');
    expect(write).toHaveBeenCalledWith(`${QUERY_LOG_MARKER}"select 1\\nfrom t"\n`);
  } finally {
    write.mockRestore();
  }
});
