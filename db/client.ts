import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { sql, type ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { pgliteExtensions } from './pglite-extensions';
import { withPreparedStatements } from './pglite-statements';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Queries take either the database or an open transaction. */
export type DbOrTx = Db | Tx;

export type SqlRows = { rows: Record<string, unknown>[] };
/** Raw SQL runner in the shape pg-boss asks for (`db: { executeSql }`). */
export type SqlExecutor = { executeSql(text: string, values?: unknown[]): Promise<SqlRows> };

export type Database = SqlExecutor & {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs `fn` while holding a Postgres advisory lock (one process at a time). */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export const MIGRATIONS_DIR = path.join(process.cwd(), 'db', 'migrations');

/** Called with the text of every statement sent (never its parameters: they may hold secrets). */
export type QueryListener = (text: string) => void;

/** `preparedStatements: false`: PGlite without db/pglite-statements.ts (default: with it). */
export type OpenOptions = (
  | { url: string; max?: number }
  | (({ dataDir: string } | { pglite: PGlite }) & { preparedStatements?: boolean })
) & { onQuery?: QueryListener };

/** Starts each line `logQueryLine` writes: `npm run bench` counts them per request. */
export const QUERY_LOG_MARKER = '[workbridge-sql] ';

/**
 * LOG_SQL_QUERIES=1: one stdout line per statement, its text as JSON (one line even for
 * multi-line SQL). Written synchronously, so a line is out before the response that ran it.
 */
export const logQueryLine: QueryListener = (text) => {
  process.stdout.write(`${QUERY_LOG_MARKER}${JSON.stringify(text)}\n`);
};

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const { onQuery } = options;
  // Without a listener Drizzle keeps its no-op logger: nothing changes when logging is off.
  const logger = onQuery ? { logQuery: (text: string) => onQuery(text) } : undefined;
  if ('url' in options) {
    const client = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      connect_timeout: 5,
    });
    const db = drizzlePostgres(client, { schema, logger }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      async executeSql(text, values) {
        onQuery?.(text);
        if (values && values.length > 0) {
          const rows = await client.unsafe(text, values.map(toParam) as never[]);
          return { rows: rows as unknown as Record<string, unknown>[] };
        }
        // Parameterless SQL may hold several statements, even BEGIN … COMMIT (pg-boss's
        // migrations): run it with the simple protocol on one reserved connection.
        const reserved = await client.reserve();
        let result: unknown;
        try {
          result = await reserved.unsafe(text).simple();
        } finally {
          reserved.release();
        }
        const last = Array.isArray(result) && Array.isArray(result.at(-1)) ? result.at(-1) : result;
        return { rows: (last ?? []) as Record<string, unknown>[] };
      },
      async withLock(key, fn) {
        // Lock and unlock on one connection of its own: a session lock taken on one pooled
        // connection and "released" on another would stay held and block every other server.
        const lockClient = postgres(options.url, {
          max: 1,
          onnotice: () => {},
          connect_timeout: 5,
        });
        try {
          await lockClient`select pg_advisory_lock(${key})`;
          try {
            return await fn();
          } finally {
            await lockClient`select pg_advisory_unlock(${key})`;
          }
        } finally {
          await lockClient.end({ timeout: 5 });
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  let pglite: PGlite;
  if ('pglite' in options) {
    pglite = options.pglite;
  } else {
    mkdirSync(options.dataDir, { recursive: true });
    pglite = await PGlite.create(options.dataDir, { extensions: pgliteExtensions });
  }
  const client = options.preparedStatements === false ? pglite : withPreparedStatements(pglite);
  const db = drizzlePglite(client, { schema, logger }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async executeSql(text, values) {
      onQuery?.(text);
      if (values && values.length > 0) {
        const result = await client.query<Record<string, unknown>>(text, values);
        return { rows: result.rows };
      }
      const results = await pglite.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
    // One process owns a PGlite database: nothing to take turns with.
    withLock: (_key, fn) => fn(),
    close: () => pglite.close(),
  };
}

const MIGRATION_LOCK = 4_204_201;

/** Applies committed migrations; several servers starting together take turns. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  await database.withLock(MIGRATION_LOCK, () =>
    migratePostgres(database.db as never, { migrationsFolder: MIGRATIONS_DIR }),
  );
}

/**
 * Runs pg-boss's SQL on an open Drizzle transaction, so a job is created in the same
 * transaction as the rows it is about.
 */
export function executorFor(dbOrTx: DbOrTx): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      const parts = text.split(/\$(\d+)/);
      const chunks = parts.map((part, i) =>
        i % 2 === 0 ? sql.raw(part) : sql`${toParam(values[Number(part) - 1])}`,
      );
      const result = (await dbOrTx.execute(sql.join(chunks, sql.raw('')))) as unknown;
      const rows = Array.isArray(result) ? result : (result as SqlRows).rows;
      return { rows: rows as Record<string, unknown>[] };
    },
  };
}

/** pg-boss hands plain objects for jsonb parameters; drivers want them as JSON text. */
function toParam(value: unknown): unknown {
  if (value === undefined) return null;
  if (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !Array.isArray(value)
  ) {
    return JSON.stringify(value);
  }
  return value;
}
