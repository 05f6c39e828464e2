import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';
import { formatLongDate } from '@/lib/dates/format';
import type { FeedItem, FeedSection } from '@/lib/find-work/service';
import { formatMoney } from '@/lib/money/money';
import styles from './find-work.module.css';

function budgetOf(item: FeedItem): string {
  if (item.budgetKind === 'fixed' && item.fixedBudgetCents !== null)
    return `Fixed price: ${formatMoney(item.fixedBudgetCents, item.currency)}`;
  const min = formatMoney(item.hourlyMinCents ?? 0, item.currency);
  const max = formatMoney(item.hourlyMaxCents ?? 0, item.currency);
  return min === max ? `Hourly: ${min} an hour` : `Hourly: ${min}–${max} an hour`;
}

function FeedList({ items, timeZone }: { items: FeedItem[]; timeZone: string }) {
  return (
    <ul className={styles.list}>
      {items.map((item) => (
        <li key={item.id} className="card">
          <h4>
            <Link href={`/jobs/${item.id}`}>{item.title}</Link>
          </h4>
          <p>{budgetOf(item)}</p>
          <ul className="tag-list" aria-label="Skills">
            {item.skills.map((skill) => (
              <li key={skill} className="badge">
                {skill}
              </li>
            ))}
          </ul>
          <p className="muted">
            Posted{' '}
            <time dateTime={item.postedAt.toISOString()}>
              {formatLongDate(item.postedAt, timeZone)}
            </time>
          </p>
        </li>
      ))}
    </ul>
  );
}

const SECTION_TITLES = {
  skills: 'Jobs that match your skills',
  newest: 'Newest jobs',
} as const;

/** The feed: one section per saved search, or the skills or newest list (lib/find-work). */
export function Feed({ sections, timeZone }: { sections: FeedSection[]; timeZone: string }) {
  return (
    <section aria-labelledby="feed-heading">
      <h2 id="feed-heading">Your feed</h2>
      {sections.map((section) => {
        if (section.kind === 'saved-search') {
          const headingId = `saved-${section.savedSearchId}`;
          return (
            <section key={section.savedSearchId} aria-labelledby={headingId}>
              <h3 id={headingId}>Saved search: {section.name}</h3>
              {section.items.length > 0 ? (
                <FeedList items={section.items} timeZone={timeZone} />
              ) : (
                <EmptyState title="No open jobs match this search yet." />
              )}
              <p>
                <Link href={section.searchPath}>See every result for “{section.name}”</Link>
              </p>
            </section>
          );
        }
        const headingId = `feed-${section.kind}`;
        return (
          <section key={section.kind} aria-labelledby={headingId}>
            <h3 id={headingId}>{SECTION_TITLES[section.kind]}</h3>
            {section.kind === 'newest' && (
              <p className="muted">
                Add skills to your profile or save a search to see the jobs that fit you first.
              </p>
            )}
            {section.items.length > 0 ? (
              <FeedList items={section.items} timeZone={timeZone} />
            ) : (
              <EmptyState
                title="No open jobs right now."
                action={<Link href="/find-work/search">Search jobs</Link>}
              />
            )}
          </section>
        );
      })}
    </section>
  );
}
