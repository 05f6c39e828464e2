import { sql } from 'drizzle-orm';
import { createTestDatabase } from '@/tests/helpers/db';
import { refreshPlannerStatistics } from './statistics';

/*
 * On PGlite the refresh gives the planner its statistics (pg_class.reltuples is -1 for a
 * table never analyzed); on the Postgres server it leaves them to autovacuum.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

async function estimatedRows(table: string): Promise<number> {
  const result = await database.executeSql(
    'select reltuples::float8 as n from pg_class where relname = $1',
    [table],
  );
  return Number((result.rows[0] as { n: number }).n);
}

it('analyzes the tables on PGlite and leaves the server to autovacuum', async () => {
  await database.db.execute(sql`create table statistics_probe (n int)`);
  await database.db.execute(sql`insert into statistics_probe select generate_series(1, 500)`);
  expect(await estimatedRows('statistics_probe')).toBe(-1);
  const outcome = await refreshPlannerStatistics(database);
  if (database.kind === 'pglite') {
    expect(outcome).toBe('analyzed');
    expect(await estimatedRows('statistics_probe')).toBe(500);
  } else {
    expect(outcome).toBe('skipped');
  }
});
