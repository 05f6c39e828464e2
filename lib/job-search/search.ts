import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { now } from '@/lib/clock';
import { decodeCursor, encodeCursor, type Cursor } from './cursor';
import { capQuery, PAGE_SIZE, POSTED_WITHIN_MS, type SearchInput } from './schemas';

export type SearchViewer = { userId: string };

export type JobSearchHit = {
  id: string;
  title: string;
  skills: string[];
  budgetKind: 'hourly' | 'fixed';
  hourlyMinCents: number | null;
  hourlyMaxCents: number | null;
  fixedBudgetCents: number | null;
  currency: string;
  experience: string;
  duration: string;
  workload: string;
  openedAt: Date;
  /** Opened after `newSince` (a saved search's last visit). */
  isNew: boolean;
};

export type JobSearchResult = {
  hits: JobSearchHit[];
  nextCursor: string | undefined;
  /** False when the words held nothing to search for (empty, stop words, punctuation). */
  usedText: boolean;
  sort: 'relevance' | 'newest';
};

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] =>
  Array.isArray(result) ? (result as Row[]) : (result as { rows: Row[] }).rows;

/**
 * The words as a tsquery's text, null when they hold no lexeme (empty, stop words only,
 * punctuation only). One definition for the search's words and for the saved searches' stored
 * ones, read back in the list of saved searches.
 */
export function tsqueryTextOf(words: SQLWrapper | string): SQL<string | null> {
  const q = sql`websearch_to_tsquery('english', ${words})`;
  return sql<string | null>`case when numnode(${q}) > 0 then ${q}::text end`;
}

/**
 * The search text as a tsquery, computed once and on its own: undefined when it holds no
 * lexeme. Sending an empty tsquery to the main statement would be harmless for one call, but a
 * named prepared statement falls into a generic plan and then scans the whole GIN index.
 */
export async function toSearchQuery(db: DbOrTx, text: string): Promise<string | undefined> {
  const words = capQuery(text).trim();
  if (words === '') return undefined;
  const [row] = rowsOf(await db.execute(sql`select ${tsqueryTextOf(words)} as q`));
  return row?.q === null || row?.q === undefined ? undefined : String(row.q);
}

/** Each filter's condition on `job_post p`, given the SQL of its value. */
const FILTER_CONDITIONS = {
  kind: (v: SQL) => sql`p.budget_kind = ${v}`,
  // An hourly range matches when it overlaps the asked range; a fixed budget when inside it.
  minCents: (v: SQL) => sql`((p.budget_kind = 'hourly' and p.hourly_max_cents >= ${v})
    or (p.budget_kind = 'fixed' and p.fixed_budget_cents >= ${v}))`,
  maxCents: (v: SQL) => sql`((p.budget_kind = 'hourly' and p.hourly_min_cents <= ${v})
    or (p.budget_kind = 'fixed' and p.fixed_budget_cents <= ${v}))`,
  experience: (v: SQL) => sql`p.experience = ${v}`,
  duration: (v: SQL) => sql`p.duration = ${v}`,
  workload: (v: SQL) => sql`p.workload = ${v}`,
  postedSince: (v: SQL) => sql`p.opened_at >= ${v}::timestamptz`,
  billing: () => sql`exists (select 1 from billing_method b
      where b.workspace_id = p.workspace_id and b.removed_at is null)`,
};
type FilterName = keyof typeof FILTER_CONDITIONS;
const FILTER_NAMES = Object.keys(FILTER_CONDITIONS) as FilterName[];
/** One search's filter values, undefined for a filter it does not use. */
type FilterValues = Record<FilterName, string | number | undefined>;

function filterValuesOf(params: SearchInput, at: Date): FilterValues {
  const posted = params.posted ? POSTED_WITHIN_MS[params.posted] : undefined;
  return {
    kind: params.kind,
    minCents: params.min === undefined ? undefined : params.min * 100,
    maxCents: params.max === undefined ? undefined : params.max * 100,
    experience: params.experience,
    duration: params.duration,
    workload: params.workload,
    postedSince: posted ? new Date(at.getTime() - posted).toISOString() : undefined,
    billing: params.billing,
  };
}

/** One search's filters: the condition of each filter it uses, on its value as a parameter. */
function filtersOf(params: SearchInput, at: Date): SQL[] {
  const values = filterValuesOf(params, at);
  return FILTER_NAMES.filter((name) => values[name] !== undefined).map((name) =>
    FILTER_CONDITIONS[name](sql`${values[name]}`),
  );
}

/** Open, not past its date, public or the viewer invited: every search starts here. */
function openToViewer(viewer: SearchViewer, at: Date): SQL[] {
  return [
    sql`p.status = 'open'`,
    sql`p.expires_at > ${at.toISOString()}::timestamptz`,
    sql`(p.visibility = 'public' or exists (select 1 from job_post_invitation i
      where i.job_post_id = p.id and i.freelancer_id = ${viewer.userId}))`,
  ];
}

/** One search's conditions on `job_post p`: what the search page finds, before paging. */
type SearchConditions = {
  params: SearchInput;
  /** From toSearchQuery: undefined when the words hold no lexeme, and then left out. */
  tsquery: string | undefined;
  openedAfter?: Date;
};

/**
 * The posts a search finds (on `job_post p`): open and not past its date, public or the viewer
 * invited, its filters, its words when they hold a lexeme, and opened after `openedAfter`.
 * searchJobPosts and countMatchingPosts both build their statement from this.
 */
function matchConditions(viewer: SearchViewer, search: SearchConditions, at: Date): SQL[] {
  const where: SQL[] = [...openToViewer(viewer, at), ...filtersOf(search.params, at)];
  if (search.tsquery) where.push(sql`p.search_vector @@ ${search.tsquery}::tsquery`);
  if (search.openedAfter) {
    where.push(sql`p.opened_at > ${search.openedAfter.toISOString()}::timestamptz`);
  }
  return where;
}

/**
 * How many posts each search finds, each counted up to `cap`, in one statement whatever the
 * number of searches (the list of saved searches counts "new since your last visit" so).
 * Each search's tsquery comes already computed (toSearchQuery, or tsqueryTextOf in the
 * caller's own read): a search whose words hold no lexeme has no text condition at all, as in
 * searchJobPosts. Returns the counts by each search's key.
 */
export async function countMatchingPosts(
  db: DbOrTx,
  viewer: SearchViewer,
  searches: readonly (SearchConditions & { key: string })[],
  cap: number,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (searches.length === 0) return counts;
  const at = now();
  const parts = searches.map(
    (search) => sql`select ${search.key}::text as key, (select count(*)::int from (
        select 1 from job_post p
        where ${sql.join(matchConditions(viewer, search, at), sql` and `)}
        limit ${cap}) as found) as n`,
  );
  const rows = rowsOf(await db.execute(sql.join(parts, sql` union all `)));
  for (const row of rows) counts.set(String(row.key), Number(row.n));
  return counts;
}

/** The filters' columns in newestMatchesOf's row of searches `s`, and their types. */
const FILTER_COLUMNS: Record<FilterName, [string, string]> = {
  kind: ['kind', 'job_budget_kind'],
  minCents: ['min_cents', 'int'],
  maxCents: ['max_cents', 'int'],
  experience: ['experience', 'experience_level'],
  duration: ['duration', 'job_duration'],
  workload: ['workload', 'job_workload'],
  postedSince: ['posted_since', 'timestamptz'],
  billing: ['billing', 'text'],
};

/**
 * Each search's `limit` newest matching posts (newest first, as searchJobPosts with sort
 * newest finds them), in one statement whatever the number of searches and their filters.
 * The searches travel as one jsonb parameter (a row each: its tsquery, already computed, and
 * its filter values, null for a filter it does not use); each filter's condition is the one
 * searchJobPosts uses, held when the row leaves it null, so the statement's text is the same
 * for every feed. A search whose words hold no lexeme takes the branch without a text
 * condition at all. Returns the posts by each search's key, every key present.
 */
export async function newestMatchesOf(
  db: DbOrTx,
  viewer: SearchViewer,
  searches: readonly { key: string; params: SearchInput; tsquery: string | undefined }[],
  limit: number,
): Promise<Map<string, JobSearchHit[]>> {
  const found = new Map<string, JobSearchHit[]>(searches.map((s) => [s.key, []]));
  if (searches.length === 0) return found;
  const at = now();
  const rows = searches.map((search, ord) => {
    const values = filterValuesOf(search.params, at);
    const row: Record<string, unknown> = { ord, tsquery: search.tsquery ?? null };
    for (const name of FILTER_NAMES) row[FILTER_COLUMNS[name][0]] = values[name] ?? null;
    return row;
  });
  const columns = sql.raw(
    ['ord int', 'tsquery tsquery', ...FILTER_NAMES.map((n) => FILTER_COLUMNS[n].join(' '))].join(
      ', ',
    ),
  );
  const where = [
    ...openToViewer(viewer, at),
    ...FILTER_NAMES.map((name) => {
      const column = sql.raw(`s.${FILTER_COLUMNS[name][0]}`);
      return sql`(${column} is null or ${FILTER_CONDITIONS[name](column)})`;
    }),
  ];
  const newest = (text: SQL[]) => sql`select s.ord, f.* from s cross join lateral (
      select p.id, p.title, p.skills, p.budget_kind, p.hourly_min_cents, p.hourly_max_cents,
        p.fixed_budget_cents, p.currency, p.experience, p.duration, p.workload, p.opened_at
      from job_post p
      where ${sql.join([...where, ...text], sql` and `)}
      order by p.opened_at desc, p.id desc
      limit ${limit}) as f`;
  const result = rowsOf(
    await db.execute(sql`
      with s as (select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as s(${columns}))
      ${newest([sql`p.search_vector @@ s.tsquery`])} where s.tsquery is not null
      union all
      ${newest([])} where s.tsquery is null
      order by ord, opened_at desc, id desc`),
  );
  for (const row of result) found.get(searches[Number(row.ord)]!.key)!.push(toHit(row, undefined));
  return found;
}

/**
 * Open posts the viewer may see (public, or invite-only and the viewer is invited) matching
 * the words and filters, 20 a page. Relevance (title above skills above description) when
 * the words hold a lexeme; newest first otherwise, or when asked.
 */
export async function searchJobPosts(
  db: DbOrTx,
  viewer: SearchViewer,
  params: SearchInput,
  options: { newSince?: Date; openedAfter?: Date; pageSize?: number } = {},
): Promise<JobSearchResult> {
  const at = now();
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const tsquery = await toSearchQuery(db, params.q ?? '');
  const sort = tsquery && params.sort !== 'newest' ? 'relevance' : 'newest';
  const rank = tsquery ? sql`ts_rank(p.search_vector, ${tsquery}::tsquery)` : sql`0::real`;
  const where = matchConditions(viewer, { params, tsquery, openedAfter: options.openedAfter }, at);
  const cursor = decodeCursor(params.cursor);
  if (cursor?.kind === 'rank' && sort === 'relevance') {
    where.push(sql`(${rank}, p.id) < (${cursor.rank}::real, ${cursor.id}::uuid)`);
  } else if (cursor?.kind === 'new' && sort === 'newest') {
    where.push(sql`(p.opened_at, p.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
  }
  const order =
    sort === 'relevance' ? sql`${rank} desc, p.id desc` : sql`p.opened_at desc, p.id desc`;
  const rows = rowsOf(
    await db.execute(sql`
      select p.id, p.title, p.skills, p.budget_kind, p.hourly_min_cents, p.hourly_max_cents,
        p.fixed_budget_cents, p.currency, p.experience, p.duration, p.workload, p.opened_at,
        to_char(p.opened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as opened_key,
        ${rank} as rank
      from job_post p
      where ${sql.join(where, sql` and `)}
      order by ${order}
      limit ${pageSize + 1}`),
  );
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  let next: Cursor | undefined;
  if (rows.length > pageSize && last) {
    next =
      sort === 'relevance'
        ? { kind: 'rank', rank: Number(last.rank), id: String(last.id) }
        : { kind: 'new', at: String(last.opened_key), id: String(last.id) };
  }
  return {
    hits: page.map((r) => toHit(r, options.newSince)),
    nextCursor: next && encodeCursor(next),
    usedText: tsquery !== undefined,
    sort,
  };
}

function toHit(r: Row, newSince: Date | undefined): JobSearchHit {
  const openedAt = new Date(r.opened_at as string | Date);
  const cents = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: String(r.id),
    title: String(r.title),
    skills: parseSkills(r.skills),
    budgetKind: r.budget_kind as 'hourly' | 'fixed',
    hourlyMinCents: cents(r.hourly_min_cents),
    hourlyMaxCents: cents(r.hourly_max_cents),
    fixedBudgetCents: cents(r.fixed_budget_cents),
    currency: String(r.currency),
    experience: String(r.experience),
    duration: String(r.duration),
    workload: String(r.workload),
    openedAt,
    isNew: newSince !== undefined && openedAt > newSince,
  };
}

/** Raw SQL returns text[] as an array (postgres.js, PGlite) — or as its literal, defensively. */
function parseSkills(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  const text = String(value ?? '');
  if (!text.startsWith('{')) return [];
  return text
    .slice(1, -1)
    .split(',')
    .filter((s) => s !== '')
    .map((s) => s.replace(/^"|"$/g, '').replace(/\\(.)/g, '$1'));
}
