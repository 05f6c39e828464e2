import type { Metadata } from 'next';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { Card } from '@/components/ui/card';
import { ConfirmLink } from '@/components/ui/confirm-link';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { now } from '@/lib/clock';
import { listSavedSearches, visitSavedSearch } from '@/lib/job-search/saved';
import { FILTER_KEYS, PAGE_SIZE, searchParamsSchema } from '@/lib/job-search/schemas';
import { searchJobPosts, type JobSearchResult } from '@/lib/job-search/search';
import { suggestSpelling } from '@/lib/job-search/suggest';
import { requireFreelancerViewer } from '../../settings/viewer';
import { SearchResults } from './results';
import { SaveSearchForm } from './saved-forms';
import { SearchForm } from './search-form';

export const metadata: Metadata = { title: 'Search jobs' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES: Record<string, string> = {
  saved: 'Search saved. New posts that match it come in a daily email.',
  deleted: 'Saved search deleted.',
};

/** Job search (SPEC 5): any signed-in freelancer, a private profile too. */
export default async function SearchPage({ searchParams }: Props) {
  const viewer = await requireFreelancerViewer();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const { db } = await getDatabase();
  const savedId = z.string().uuid().safeParse(raw.saved);
  const visit = savedId.success
    ? await visitSavedSearch(db, viewer.user.id, savedId.data)
    : undefined;
  const parsed = searchParamsSchema.safeParse(raw);
  const errors = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  let result: JobSearchResult | undefined;
  let suggestion: string | undefined;
  if (parsed.success) {
    result = await searchJobPosts(db, { userId: viewer.user.id }, parsed.data, {
      newSince: visit?.newSince,
    });
    // "Did you mean" helps a search that finds little; a full page of results needs none,
    // and skipping it saves the page a statement (npm run bench:search-page).
    if (result.hits.length < PAGE_SIZE) suggestion = await suggestSpelling(db, parsed.data.q);
  }
  const saved = await listSavedSearches(db, viewer.user.id);
  const search: Record<string, string> = { q: raw.q ?? '' };
  for (const key of FILTER_KEYS) if (raw[key]) search[key] = raw[key]!;
  const hrefWith = (extra: Record<string, string>) =>
    `/find-work/search?${new URLSearchParams({ ...search, ...(visit ? { saved: visit.row.id } : {}), ...extra })}`;
  const notice = raw.notice ? NOTICES[raw.notice] : undefined;
  return (
    <>
      <PageHeader title="Search jobs" description="Open jobs you can send a proposal to." />
      {notice && <Notice tone="success">{notice}</Notice>}
      <Card title="Search">
        <SearchForm values={raw} errors={errors} />
      </Card>
      {suggestion && (
        <p>
          Did you mean <a href={hrefWith({ q: suggestion })}>{suggestion}</a>?
        </p>
      )}
      {result && (
        <Card title={visit ? `Results for “${visit.row.name}”` : 'Results'}>
          {result.hits.length === 0 ? (
            <EmptyState title="No open jobs match this search.">
              Try fewer words or filters, or a longer “posted within”.
            </EmptyState>
          ) : (
            <SearchResults hits={result.hits} at={now()} />
          )}
          {result.nextCursor && (
            <p>
              <a href={hrefWith({ cursor: result.nextCursor })} rel="next">
                Next page
              </a>
            </p>
          )}
        </Card>
      )}
      {result && !visit && (
        <Card title="Save this search">
          <SaveSearchForm search={search} />
        </Card>
      )}
      <Card title="Saved searches">
        {saved.length === 0 ? (
          <EmptyState title="No saved searches yet.">
            Save a search to get a daily email of new jobs that match it.
          </EmptyState>
        ) : (
          <ul>
            {saved.map((s) => (
              <li key={s.id}>
                <a href={s.href}>{s.name}</a>{' '}
                {s.newCount > 0 && (
                  <span>({s.newCount >= 100 ? '100+' : s.newCount} new since your last visit)</span>
                )}
                <ConfirmLink href={`/find-work/search/saved/${s.id}/delete`}>
                  Delete “{s.name}”…
                </ConfirmLink>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
