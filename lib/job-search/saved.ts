import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { savedSearches, type SavedSearchFilters } from '@/db/schema';
import { now } from '@/lib/clock';
import type { SaveSearchForm } from './saved-schemas';
import { FILTER_KEYS, searchParamsSchema, type SearchParams } from './schemas';
import { countMatchingPosts, tsqueryTextOf } from './search';

export const MAX_SAVED_SEARCHES = 20;
export const SAVED_SEARCH_NOT_FOUND = 'That saved search was not found among yours.';

export type SavedSearchRow = typeof savedSearches.$inferSelect;
export type SavedSearchSummary = SavedSearchRow & { newCount: number; href: string };

type Result =
  { ok: true; id: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/** The search's page address: its words and filters, and which saved search it is. */
export function savedSearchHref(row: Pick<SavedSearchRow, 'id' | 'query' | 'filters'>): string {
  const params = new URLSearchParams();
  if (row.query) params.set('q', row.query);
  for (const [k, v] of Object.entries(row.filters)) if (v) params.set(k, v);
  params.set('saved', row.id);
  return `/find-work/search?${params.toString()}`;
}

/** The stored search as search parameters; a filter no longer valid is dropped. */
export function paramsOfSaved(row: Pick<SavedSearchRow, 'query' | 'filters'>): SearchParams {
  const parsed = searchParamsSchema.safeParse({ q: row.query, ...row.filters });
  return parsed.success ? parsed.data : searchParamsSchema.parse({ q: row.query });
}

/** Saves the search (words checked, filters kept only when valid), up to 20 a freelancer. */
export async function saveSearch(
  db: DbOrTx,
  freelancerId: string,
  form: SaveSearchForm,
): Promise<Result> {
  const filters: SavedSearchFilters = {};
  for (const key of FILTER_KEYS) if (form[key]) filters[key] = form[key];
  const checked = searchParamsSchema.safeParse({ q: form.q, ...filters });
  if (!checked.success) {
    return { ok: false, message: 'This search has a filter that is not valid: fix it, then save.' };
  }
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(savedSearches)
    .where(eq(savedSearches.freelancerId, freelancerId));
  if (n >= MAX_SAVED_SEARCHES) {
    return {
      ok: false,
      message: `You can keep up to ${MAX_SAVED_SEARCHES} saved searches: delete one first.`,
    };
  }
  const at = now();
  const [row] = await db
    .insert(savedSearches)
    .values({
      freelancerId,
      name: form.name,
      query: form.q.trim(),
      filters,
      lastVisitedAt: at,
      lastDigestAt: at,
    })
    .returning({ id: savedSearches.id });
  return { ok: true, id: row.id };
}

/** Deletes one of the freelancer's saved searches; anyone else's id is "not found". */
export async function deleteSavedSearch(
  db: DbOrTx,
  freelancerId: string,
  id: string,
): Promise<Result> {
  const gone = await db
    .delete(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.freelancerId, freelancerId)))
    .returning({ id: savedSearches.id });
  if (gone.length === 0) return { ok: false, message: SAVED_SEARCH_NOT_FOUND };
  return { ok: true, id };
}

/** The freelancer's saved searches, newest first. */
export async function listSavedSearchRows(
  db: DbOrTx,
  freelancerId: string,
): Promise<SavedSearchRow[]> {
  return db
    .select()
    .from(savedSearches)
    .where(eq(savedSearches.freelancerId, freelancerId))
    .orderBy(desc(savedSearches.createdAt));
}

/**
 * The freelancer's saved searches, newest first, each with its stored query's tsquery text
 * (null when it holds no lexeme): the stored query is trimmed and at most MAX_QUERY_CHARS
 * (saved_search_query_len), so it is already what toSearchQuery would make a tsquery of.
 */
export async function listSavedSearchesWithTsquery(
  db: DbOrTx,
  freelancerId: string,
): Promise<(SavedSearchRow & { tsquery: string | null })[]> {
  return db
    .select({ ...getTableColumns(savedSearches), tsquery: tsqueryTextOf(savedSearches.query) })
    .from(savedSearches)
    .where(eq(savedSearches.freelancerId, freelancerId))
    .orderBy(desc(savedSearches.createdAt));
}

/** A saved search (with its tsquery) as the search the feed and the counts run for it. */
export function searchOfSaved(row: SavedSearchRow & { tsquery: string | null }) {
  return { key: row.id, params: paramsOfSaved(row), tsquery: row.tsquery ?? undefined };
}

/** "N new since your last visit" counts up to this; the page shows "100+" there. */
export const NEW_COUNT_CAP = 100;

/**
 * The freelancer's saved searches, newest first, each with its count of posts new since the
 * last visit (up to NEW_COUNT_CAP). Two statements whatever the number of searches: the rows
 * with each stored query's tsquery, then every count at once (countMatchingPosts, the search's
 * own conditions).
 */
export async function listSavedSearches(
  db: DbOrTx,
  freelancerId: string,
): Promise<SavedSearchSummary[]> {
  const rows = await listSavedSearchesWithTsquery(db, freelancerId);
  const counts = await countMatchingPosts(
    db,
    { userId: freelancerId },
    rows.map((row) => ({ ...searchOfSaved(row), openedAfter: row.lastVisitedAt })),
    NEW_COUNT_CAP,
  );
  return rows.map(({ tsquery: _tsquery, ...row }) => ({
    ...row,
    newCount: counts.get(row.id) ?? 0,
    href: savedSearchHref(row),
  }));
}

/**
 * Opens one of the freelancer's saved searches: its previous visit (what "new" is measured
 * from) is returned and the visit moves to now. Anyone else's id finds nothing.
 */
export async function visitSavedSearch(
  db: DbOrTx,
  freelancerId: string,
  id: string,
): Promise<{ row: SavedSearchRow; newSince: Date } | undefined> {
  const [row] = await db
    .select()
    .from(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.freelancerId, freelancerId)));
  if (!row) return undefined;
  await db.update(savedSearches).set({ lastVisitedAt: now() }).where(eq(savedSearches.id, id));
  return { row, newSince: row.lastVisitedAt };
}
