import { eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '@/db/client';
import { devClock } from '@/db/schema';
import { applyDevOffset, currentDevOffsetMs, isClockMovable } from './index';

/*
 * The development clock's offset lives in the database (one row of dev_clock), so the app
 * servers and the worker agree on the time after /dev/clock moves it. Each process reads
 * it every few seconds; production never reads or writes it.
 */

const SYNC_INTERVAL_MS = 2_000;

export async function readDevOffset(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ offsetMs: devClock.offsetMs }).from(devClock);
  return row?.offsetMs ?? 0;
}

/** Moves every process's clock to `offsetMs` ahead of the real time (this one at once). */
export async function saveDevOffset(db: DbOrTx, offsetMs: number): Promise<void> {
  if (!isClockMovable()) throw new Error('The development clock is off in production.');
  await db
    .insert(devClock)
    .values({ id: true, offsetMs })
    .onConflictDoUpdate({
      target: devClock.id,
      set: { offsetMs, updatedAt: sql`now()` },
      where: eq(devClock.id, true),
    });
  applyDevOffset(offsetMs);
}

/**
 * Development processes pick up the shared offset at start and every two seconds. A read
 * that fails (the database restarting) keeps the last offset. Returns what stops it (a
 * test stops it before its database goes; a server keeps it for its life).
 */
export async function startDevClockSync(database: Database): Promise<() => void> {
  if (!isClockMovable()) return () => {};
  const sync = async () => {
    const offset = await readDevOffset(database.db).catch(() => currentDevOffsetMs());
    applyDevOffset(offset);
  };
  await sync();
  const timer = setInterval(() => void sync(), SYNC_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
