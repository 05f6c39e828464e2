import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { migrateDatabase, openDatabase, type Database } from '@/db/client';
import { pgliteExtensions } from '@/db/pglite-extensions';
import { createBoss, prepareQueues } from '@/lib/jobs/boss';
import { jobDefinitions } from '@/lib/server/jobs';

export const TEMPLATE_FILE_VAR = 'WORKBRIDGE_TEST_TEMPLATE_FILE';
export const TEMPLATE_DB_VAR = 'WORKBRIDGE_TEST_TEMPLATE_DB';
/** The PGlite template's folder under os.tmpdir(); each test file loads a copy into memory. */
const TEMPLATE_DIR_PREFIX = 'workbridge-test-';
/** A run killed before its teardown leaves its folder; one this old belongs to no live run. */
const STALE_TEMPLATE_MS = 24 * 60 * 60 * 1000;

async function prepare(database: Database) {
  await migrateDatabase(database);
  const boss = createBoss(database, { work: false });
  await boss.start();
  await prepareQueues(boss, database, jobDefinitions());
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
  removeStaleTemplateDirs();
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  const database = await openDatabase({ pglite });
  await prepare(database);
  const dump = await pglite.dumpDataDir('gzip');
  const dir = mkdtempSync(path.join(os.tmpdir(), TEMPLATE_DIR_PREFIX));
  const file = path.join(dir, 'template.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  process.env[TEMPLATE_FILE_VAR] = file;
}

export async function dropTemplate(testDatabaseUrl: string | undefined): Promise<void> {
  if (!testDatabaseUrl) {
    const file = process.env[TEMPLATE_FILE_VAR];
    if (file) removeTemplateDir(path.dirname(file));
    return;
  }
  const name = process.env[TEMPLATE_DB_VAR];
  if (!name) return;
  const admin = postgres(adminUrl(testDatabaseUrl), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}

function removeTemplateDir(dir: string): void {
  if (path.basename(dir).startsWith(TEMPLATE_DIR_PREFIX)) {
    rmSync(dir, { recursive: true, force: true });
  }
}

function removeStaleTemplateDirs(): void {
  const tmp = os.tmpdir();
  for (const entry of readdirSync(tmp, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(TEMPLATE_DIR_PREFIX)) continue;
    const dir = path.join(tmp, entry.name);
    const modified = statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (Date.now() - modified > STALE_TEMPLATE_MS) removeTemplateDir(dir);
  }
}
