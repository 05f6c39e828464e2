import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { capQuery } from './schemas';

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] =>
  Array.isArray(result) ? (result as Row[]) : (result as { rows: Row[] }).rows;

/** Below this trigram similarity a word is not offered ("desinger" ~ "designer" is 0.38). */
const MIN_SIMILARITY = 0.3;
const MAX_WORDS = 8;

/**
 * "Did you mean": the search text with each word that no title or skill holds replaced by the
 * most similar word that one does (pg_trgm over job_search_term). Undefined when every word is
 * known or nothing is close enough.
 */
export async function suggestSpelling(db: DbOrTx, text: string): Promise<string | undefined> {
  const words =
    capQuery(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const checked = [
    ...new Set(words.filter((w) => w.length >= 3 && w.length <= 40 && !/^\d+$/.test(w))),
  ].slice(0, MAX_WORDS);
  if (checked.length === 0) return undefined;
  const rows = rowsOf(
    await db.execute(sql`
      select w.word as asked, best.word as offered
      from unnest(${`{${checked.map((w) => `"${w}"`).join(',')}}`}::text[]) as w(word)
      cross join lateral (
        select t.word from job_search_term t
        where t.word % w.word and similarity(t.word, w.word) >= ${MIN_SIMILARITY}
        order by similarity(t.word, w.word) desc, t.word
        limit 1
      ) best
      where not exists (select 1 from job_search_term k where k.word = w.word)`),
  );
  if (rows.length === 0) return undefined;
  const swap = new Map(rows.map((r) => [String(r.asked), String(r.offered)]));
  return words.map((w) => swap.get(w) ?? w).join(' ');
}
