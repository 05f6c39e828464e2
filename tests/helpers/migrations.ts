import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MIGRATIONS_DIR } from '@/db/client';

type Journal = { entries: { tag: string }[] };

/**
 * A copy of the migrations folder that stops just before the migration whose tag ends with
 * `tagSuffix` (found by its tag: the number may change when branches merge), for a test
 * that writes data the way the earlier migrations left it and then runs the rest.
 */
export function migrationsBefore(tagSuffix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wb-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as Journal;
  const at = journal.entries.findIndex((e) => e.tag.endsWith(tagSuffix));
  if (at < 0) throw new Error(`no migration tagged *${tagSuffix}`);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}
