import { Money } from '@/components/ui/money';
import { formatPostedAgo } from '@/lib/job-search/labels';
import type { JobSearchHit } from '@/lib/job-search/search';

function Budget({ hit }: { hit: JobSearchHit }) {
  if (hit.budgetKind === 'fixed') {
    return (
      <>
        Fixed price: <Money cents={hit.fixedBudgetCents ?? 0} />
      </>
    );
  }
  return (
    <>
      Hourly: <Money cents={hit.hourlyMinCents ?? 0} />–<Money cents={hit.hourlyMaxCents ?? 0} />
    </>
  );
}

/** One page of results: title (to the job), budget, skills and when it was posted. */
export function SearchResults({ hits, at }: { hits: JobSearchHit[]; at: Date }) {
  return (
    <ol>
      {hits.map((hit) => (
        <li key={hit.id}>
          <h3>
            <a href={`/jobs/${hit.id}`}>{hit.title}</a>
            {hit.isNew && <strong> New</strong>}
          </h3>
          <p>
            <Budget hit={hit} /> · {formatPostedAgo(hit.openedAt, at)}
          </p>
          <p>Skills: {hit.skills.join(', ')}</p>
        </li>
      ))}
    </ol>
  );
}
