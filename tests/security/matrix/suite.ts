import { isActionCase, type ActionCase } from '@/tests/actions/case';
import { declarationFor } from '@/tests/actions/declarations';
import { createTestDatabase } from '@/tests/helpers/db';
import { matrixEntryOf } from './actions';
import { discoverEndpoints, type Endpoint } from './endpoints';
import { runEntry, type Entry } from './runner';
import { World } from './world';

/**
 * Runs a part of the matrix in one test file: one database, the victims built once, every
 * endpoint found from the code. Server actions come as their shared cases
 * (tests/actions/cases), route handlers as the matrix's own. Call it after
 * installRequestMocks().
 */
export function runMatrix(title: string, entries: Record<string, Entry | ActionCase>): void {
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
      const entry = entries[key];
      const resolved = isActionCase(entry)
        ? matrixEntryOf(key, entry, declarationFor(key, endpoint.fn))
        : entry;
      await runEntry(key, resolved, endpoint.fn, world);
    });
  });
}
