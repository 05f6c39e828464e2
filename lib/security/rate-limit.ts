import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A fixed-window counter kept in Postgres, so every app server shares it. Counts the
 * attempt and says whether it is within `limit` for the current window.
 */
export async function hitRateLimit(
  db: DbOrTx,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<RateLimitResult> {
  const result = (await db.execute(sql`
    insert into rate_limit (key, window_start, count)
    values (${key}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    on conflict (key, window_start) do update set count = rate_limit.count + 1
    returning count, greatest(1, ceil(extract(epoch from (window_start + make_interval(secs => ${windowSeconds}) - now()))))::int as retry_after
  `)) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    count: number;
    retry_after: number;
  }[];
  const row = rows[0];
  if (Number(row.count) <= limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Number(row.retry_after) };
}

export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}
