import type { SqlExecutor } from '@/db/client';

/**
 * Every row of every application table, as JSON text, for "nothing changed" assertions.
 *
 * Left out, on purpose and only this one: `rate_limit`. A limit counts attempts, refused
 * ones included (that is what stops guessing), so a refused call may rightly bump a counter.
 * Everything else is compared, `audit_log` included: a refused call must not be audited as
 * if it had happened, and none of ours is.
 */
export const SNAPSHOT_EXCLUDED_TABLES = ['rate_limit'];

export type Snapshot = Record<string, string[]>;

let tableNames: string[] | undefined;

async function listTables(database: SqlExecutor): Promise<string[]> {
  tableNames ??= (
    await database.executeSql(
      `select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
  ).rows
    .map((row) => String(row.table_name))
    .filter((name) => !SNAPSHOT_EXCLUDED_TABLES.includes(name));
  return tableNames;
}

/** One round trip: every table's rows, sorted, so two snapshots compare with toEqual. */
export async function snapshotDatabase(database: SqlExecutor): Promise<Snapshot> {
  const tables = await listTables(database);
  const query = tables
    .map((name) => `select '${name}' as t, to_jsonb(x)::text as r from public."${name}" x`)
    .join(' union all ');
  const { rows } = await database.executeSql(query);
  const snapshot: Snapshot = Object.fromEntries(tables.map((name) => [name, []]));
  for (const row of rows) snapshot[String(row.t)].push(String(row.r));
  for (const name of tables) snapshot[name].sort();
  return snapshot;
}

export type RowChange = { table: string; change: 'added' | 'removed'; row: string };

/** Rows that appear in only one of the two snapshots (an update shows as removed + added). */
export function diffSnapshots(before: Snapshot, after: Snapshot): RowChange[] {
  const changes: RowChange[] = [];
  for (const table of Object.keys(after)) {
    const remaining = new Map<string, number>();
    for (const row of before[table] ?? []) remaining.set(row, (remaining.get(row) ?? 0) + 1);
    for (const row of after[table]) {
      const left = remaining.get(row) ?? 0;
      if (left > 0) remaining.set(row, left - 1);
      else changes.push({ table, change: 'added', row });
    }
    for (const [row, left] of remaining) {
      for (let i = 0; i < left; i++) changes.push({ table, change: 'removed', row });
    }
  }
  return changes;
}

/** The changed rows that mention any of these ids or addresses. */
export function changesTouching(
  changes: RowChange[],
  protectedValues: readonly string[],
): RowChange[] {
  const needles = protectedValues.filter(Boolean);
  return changes.filter((c) => needles.some((value) => c.row.includes(value)));
}
