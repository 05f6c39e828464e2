import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { closeDatabase, setActiveDatabase } from '@/db';
import { openDatabase, type Database, type QueryListener } from '@/db/client';
import { pgliteExtensions } from '@/db/pglite-extensions';
import { resetEnvCache } from '@/lib/env';
import { adminUrl, TEMPLATE_DB_VAR, TEMPLATE_FILE_VAR } from './template';

/**
 * A PGlite of its own, loaded from the migrated template's dump. Prefer it to a bare
 * `PGlite.create()`: loading takes about a second, while a new PGlite runs initdb, which
 * took over 20 s on the busy 2-core machine (db/client.test.ts spent 150 s on two of them).
 */
export function templatePglite(): Promise<PGlite> {
  const dump = readFileSync(process.env[TEMPLATE_FILE_VAR]!);
  return PGlite.create({ loadDataDir: new Blob([dump]), extensions: pgliteExtensions });
}

/**
 * A fresh database for one test file, copied from the migrated template: a new PGlite
 * loaded from the template's dump, or `CREATE DATABASE … TEMPLATE` on the server.
 * It also becomes the database that services and actions reach through getDatabase().
 * On a server, `url` reaches the fresh database, for tests that open connections of their own.
 * `onQuery` hears the text of every statement, as LOG_SQL_QUERIES's listener does in the app.
 */
export async function createTestDatabase(
  options: { onQuery?: QueryListener } = {},
): Promise<Database & { url: string | undefined; dispose(): Promise<void> }> {
  resetEnvCache();
  const url = process.env.TEST_DATABASE_URL;
  let database: Database;
  let freshUrl: string | undefined;
  let drop = async () => {};
  if (url) {
    const name = `wb_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" template "${process.env[TEMPLATE_DB_VAR]}"`);
    await admin.end();
    freshUrl = adminUrl(url, name);
    database = await openDatabase({ url: freshUrl, max: 5, onQuery: options.onQuery });
    drop = async () => {
      const again = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
    };
  } else {
    database = await openDatabase({ pglite: await templatePglite(), onQuery: options.onQuery });
  }
  setActiveDatabase(database);
  return {
    ...database,
    url: freshUrl,
    async dispose() {
      await closeDatabase();
      await drop();
    },
  };
}
