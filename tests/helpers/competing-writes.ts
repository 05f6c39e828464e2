import postgres from 'postgres';
import type { Database } from '@/db/client';

/*
 * Races made certain. PGlite runs one transaction at a time, and on a server two requests
 * overlap only by luck, so a test that merely fires requests together proves nothing about
 * the loser's path. These helpers put the competing write exactly where a race would.
 */

const ID = /^[A-Za-z0-9-]+$/;

function literal(id: string): string {
  if (!ID.test(id)) throw new Error(`not an id: ${id}`);
  return `'${id}'`;
}

/**
 * Until the returned function is called, the first insert of a default payout method for
 * this user is preceded (by a trigger, inside the same statement) by another request's
 * first method becoming the default: the state a server reaches when that request commits
 * after this insert looked for an existing default and before it wrote its row.
 */
export async function competeForFirstDefault(
  database: Database,
  userId: string,
): Promise<() => Promise<void>> {
  await database.executeSql(`
    create function test_compete_first_default() returns trigger language plpgsql as $$
    begin
      if new.user_id = ${literal(userId)} and new.is_default and pg_trigger_depth() = 1 then
        insert into payout_method (user_id, kind, email, last4, is_default, usable_after)
        values (new.user_id, 'payoneer', 'other-request@example.com', 'ther', true, now());
      end if;
      return new;
    end $$;
    create trigger test_compete_first_default before insert on payout_method
      for each row execute function test_compete_first_default();`);
  return async () => {
    await database.executeSql(`
      drop trigger test_compete_first_default on payout_method;
      drop function test_compete_first_default();`);
  };
}

/**
 * Until the returned function is called, making any other method of this user the default
 * is preceded by another request making `competitorId` the default: what a server sees when
 * that request commits between this one clearing the old default and marking the new one.
 */
export async function competeForDefault(
  database: Database,
  userId: string,
  competitorId: string,
): Promise<() => Promise<void>> {
  await database.executeSql(`
    create function test_compete_default() returns trigger language plpgsql as $$
    begin
      if new.user_id = ${literal(userId)} and new.is_default and not old.is_default
         and new.id <> ${literal(competitorId)} and pg_trigger_depth() = 1 then
        update payout_method set is_default = true where id = ${literal(competitorId)};
      end if;
      return new;
    end $$;
    create trigger test_compete_default before update on payout_method
      for each row execute function test_compete_default();`);
  return async () => {
    await database.executeSql(`
      drop trigger test_compete_default on payout_method;
      drop function test_compete_default();`);
  };
}

/**
 * On a Postgres server: another connection runs `lock.sql` in a transaction that stays open
 * while `run` starts, until `waiters` backends of this database wait for a lock; then it
 * commits and the waiting requests go on together. On PGlite transactions take turns and
 * nothing can overlap, so `run` simply runs.
 */
export async function holdLocksWhile<T>(
  database: Database & { url: string | undefined },
  lock: { sql: string; params: string[] },
  waiters: number,
  run: () => Promise<T>,
): Promise<T> {
  if (!database.url) return run();
  const other = postgres(database.url, { max: 1, onnotice: () => {} });
  const holder = await other.reserve();
  try {
    await holder`begin`;
    await holder.unsafe(lock.sql, lock.params);
    const running = run();
    // Keep the rejection for the await below, not as an unhandled one while we poll.
    running.catch(() => {});
    await waitForLockWaiters(database, waiters);
    await holder`commit`;
    return await running;
  } finally {
    holder.release();
    await other.end({ timeout: 5 });
  }
}

async function waitForLockWaiters(database: Database, waiters: number): Promise<void> {
  // Generous: on a busy machine the competing requests can take seconds to reach their lock.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { rows } = await database.executeSql(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (Number(rows[0].n) >= waiters) return;
    if (Date.now() > deadline)
      throw new Error(`expected ${waiters} requests waiting for a lock, saw ${rows[0].n}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
