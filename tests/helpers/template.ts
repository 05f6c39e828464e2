import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { migrateDatabase, openDatabase, type Database } from '@/db/client';
import { createBoss, prepareQueues } from '@/lib/jobs/boss';

export const TEMPLATE_FILE_VAR = 'WORKBRIDGE_TEST_TEMPLATE_FILE';
export const TEMPLATE_DB_VAR = 'WORKBRIDGE_TEST_TEMPLATE_DB';

async function prepare(database: Database) {
  await migrateDatabase(database);
  const boss = createBoss(database, { work: false });
  await boss.start();
  await prepareQueues(boss, database);
  await boss.stop({ graceful: false, wait: true });
}

export function adminUrl(url: string, database = 'postgres'): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** One migrated database per test run; every test file starts from a copy of it. */
export async function buildTemplate(testDatabaseUrl: string | undefined): Promise<void> {
  if (testDatabaseUrl) {
    const name = `wb_template_${process.pid}_${Date.now()}`;
    const admin = postgres(adminUrl(testDatabaseUrl), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const database = await openDatabase({ url: adminUrl(testDatabaseUrl, name), max: 1 });
    await prepare(database);
    await database.close();
    process.env[TEMPLATE_DB_VAR] = name;
    return;
  }
  const pglite = await PGlite.create();
  const database = await openDatabase({ pglite });
  await prepare(database);
  const dump = await pglite.dumpDataDir('gzip');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'workbridge-test-'));
  const file = path.join(dir, 'template.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  process.env[TEMPLATE_FILE_VAR] = file;
}

export async function dropTemplate(testDatabaseUrl: string | undefined): Promise<void> {
  const name = process.env[TEMPLATE_DB_VAR];
  if (!testDatabaseUrl || !name) return;
  const admin = postgres(adminUrl(testDatabaseUrl), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
