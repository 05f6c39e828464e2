import path from 'node:path';
import { getEnv } from '@/lib/env';
import { logQueryLine, openDatabase, migrateDatabase, type Database } from './client';

export * from './client';

/*
 * One database per process, kept on globalThis: Next.js loads instrumentation, route
 * handlers and server actions as separate bundles, and PGlite must be opened only once.
 */
type Holder = { promise?: Promise<Database>; database?: Database };
const holder = ((globalThis as Record<string, unknown>).__workbridgeDb ??= {}) as Holder;

export function getDatabase(): Promise<Database> {
  holder.promise ??= (async () => {
    const env = getEnv();
    const onQuery = env.LOG_SQL_QUERIES ? logQueryLine : undefined;
    const database = env.DATABASE_URL
      ? await openDatabase({ url: env.DATABASE_URL, max: env.DATABASE_POOL_MAX, onQuery })
      : await openDatabase({
          dataDir: path.resolve(env.PGLITE_DIR),
          preparedStatements: env.PGLITE_PREPARED_STATEMENTS,
          onQuery,
        });
    holder.database = database;
    return database;
  })();
  return holder.promise;
}

/** Opens (if needed) and migrates: what every process does before it serves anything. */
export async function getMigratedDatabase(): Promise<Database> {
  const database = await getDatabase();
  await migrateDatabase(database);
  return database;
}

/** Tests hand in their own per-file database. */
export function setActiveDatabase(database: Database): void {
  holder.database = database;
  holder.promise = Promise.resolve(database);
}

export async function closeDatabase(): Promise<void> {
  const database = holder.database;
  holder.promise = undefined;
  holder.database = undefined;
  if (database) await database.close();
}
