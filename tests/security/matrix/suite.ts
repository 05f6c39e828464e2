import { createTestDatabase } from '@/tests/helpers/db';
import { discoverEndpoints, type Endpoint } from './endpoints';
import { runEntry, type Entry } from './runner';
import { World } from './world';

/**
 * Runs a part of the matrix in one test file: one database, the victims built once, every
 * endpoint found from the code. Call it after installRequestMocks().
 */
export function runMatrix(title: string, entries: Record<string, Entry>): void {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let world: World;
  let endpoints: Endpoint[];

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await World.build(database);
    endpoints = (await discoverEndpoints()).endpoints;
  });
  afterAll(async () => {
    world?.restoreEnv();
    await database?.dispose();
  });

  describe(title, () => {
    it.each(Object.keys(entries))('%s', async (key) => {
      const endpoint = endpoints.find((e) => e.key === key);
      if (!endpoint) throw new Error(`${key} is in the matrix but not in the code`);
      await runEntry(key, entries[key], endpoint.fn, world);
    });
  });
}
