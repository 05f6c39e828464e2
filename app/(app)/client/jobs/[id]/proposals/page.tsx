import type { Metadata } from 'next';
import Link from 'next/link';
import { formatLongDate } from '@/lib/dates/format';
import { listJobProposals, type ProposalSort, type ProposalTab } from '@/lib/proposals/client';
import { proposalListQuerySchema } from '@/lib/proposals/client-schemas';
import {
  bidText,
  CLIENT_STATUS_LABELS,
  excerpt,
  freelancerName,
  skillsInCommon,
} from '@/lib/proposals/client-view';
import styles from './proposals.module.css';
import { loadClientJobPost } from '../load-job-post';

export const metadata: Metadata = { title: 'Proposals' };

const TABS: { tab: ProposalTab; label: string }[] = [
  { tab: 'all', label: 'All' },
  { tab: 'shortlisted', label: 'Shortlisted' },
  { tab: 'archived', label: 'Archived' },
];
const SORTS: { sort: ProposalSort; label: string }[] = [
  { sort: 'relevance', label: 'Relevance' },
  { sort: 'newest', label: 'Newest' },
];

const EMPTY: Record<ProposalTab, string> = {
  all: 'No proposals yet. Freelancers who find the post can send one while it is open.',
  shortlisted: 'Nothing shortlisted. Shortlist a proposal from its page to find it here.',
  archived: 'Nothing archived.',
};

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A job's proposals for the workspace that posted it; tabs and sort are plain links. */
export default async function JobProposalsPage({ params, searchParams }: Props) {
  const { db, inviter, post } = await loadClientJobPost(params);
  const { tab, sort } = proposalListQuerySchema.parse(await searchParams);
  const id = post.id;
  const rows = await listJobProposals(db, {
    workspaceId: inviter.workspaceId,
    jobPostId: id,
    tab,
    sort,
  });
  const base = `/client/jobs/${id}/proposals`;
  const hrefFor = (t: ProposalTab, s: ProposalSort) =>
    `${base}?${new URLSearchParams({ tab: t, sort: s })}`;
  return (
    <>
      <p>
        <Link href={`/client/jobs/${id}`}>Back to the job post</Link>
      </p>
      <h1>Proposals for “{post.title}”</h1>
      <nav aria-label="Which proposals" className="tabs">
        <ul>
          {TABS.map((t) => (
            <li key={t.tab}>
              <Link href={hrefFor(t.tab, sort)} aria-current={t.tab === tab ? 'page' : undefined}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>
        Sort by:{' '}
        {SORTS.map((s, i) => (
          <span key={s.sort}>
            {i > 0 && ' · '}
            {s.sort === sort ? (
              <strong aria-current="true">{s.label}</strong>
            ) : (
              <Link href={hrefFor(tab, s.sort)}>{s.label}</Link>
            )}
          </span>
        ))}
      </p>
      {sort === 'relevance' && (
        <p className="hint">
          Relevance: the freelancers whose profiles list more of the job’s skills come first, then
          cover letters closer to the job’s title, then the newest.
        </p>
      )}
      {rows.length === 0 ? (
        <p>{EMPTY[tab]}</p>
      ) : (
        <ul className={styles.list}>
          {rows.map((r) => {
            const name = freelancerName(r.firstName, r.lastName);
            const common = skillsInCommon(post.skills, r.skills);
            return (
              <li key={r.proposal.id} className="card">
                <h2>
                  <Link href={`${base}/${r.proposal.id}`}>{name}</Link>
                </h2>
                {r.title && <p>{r.title}</p>}
                <dl>
                  <dt>Bid</dt>
                  <dd>{bidText(r.proposal)}</dd>
                  <dt>Skills in common</dt>
                  <dd>{common.length > 0 ? common.join(', ') : 'None listed'}</dd>
                  <dt>Status</dt>
                  <dd>{CLIENT_STATUS_LABELS[r.proposal.status]}</dd>
                  <dt>Submitted</dt>
                  <dd>{formatLongDate(r.proposal.submittedAt)}</dd>
                </dl>
                <p style={{ whiteSpace: 'pre-wrap' }}>{excerpt(r.proposal.coverLetter)}</p>
                <p>
                  <Link href={`${base}/${r.proposal.id}`}>Read {name}’s proposal in full</Link>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
