import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatLongDate } from '@/lib/dates/format';
import { listInvitedFreelancers } from '@/lib/job-posts/queries';
import {
  budgetText,
  DURATION_LABELS,
  EXPERIENCE_LABELS,
  WORKLOAD_LABELS,
} from '@/lib/job-posts/labels';
import { countJobProposals } from '@/lib/proposals/client';
import { JobActions } from './job-actions';
import { loadClientJobPost } from './load-job-post';

export const metadata: Metadata = { title: 'Job post' };

const NOTICES: Record<string, string> = {
  saved: 'The draft is saved. Publish it when it is ready.',
  published: 'The job post is open to freelancers for 30 days.',
  edited: 'The job post is updated.',
  closed: 'The job post is closed: freelancers can no longer propose.',
  reopened: 'The job post is open again for 30 days.',
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function JobPostDetailPage({ params, searchParams }: Props) {
  const { db, inviter, post } = await loadClientJobPost(params);
  const { notice } = await searchParams;
  const [invited, proposalCount] = await Promise.all([
    post.visibility === 'invite_only' ? listInvitedFreelancers(db, post.id) : [],
    countJobProposals(db, inviter.workspaceId, post.id),
  ]);
  return (
    <>
      <p>
        <Link href="/client/jobs">Back to job posts</Link>
      </p>
      <h1>{post.title}</h1>
      {notice && NOTICES[notice] && (
        <p className="notice success" role="status">
          {NOTICES[notice]}
        </p>
      )}
      <p>
        <StatusBadge kind="jobPost" status={post.status} />{' '}
        {post.visibility === 'invite_only' ? 'Invite only' : 'Public'}
        {post.status === 'open' && post.expiresAt && (
          <> · Expires {formatLongDate(post.expiresAt)}</>
        )}
        {post.status === 'closed' && (
          <> · Closed: {post.closeReason === 'hired' ? 'hired someone' : 'did not hire'}</>
        )}
      </p>
      <p>
        {post.status !== 'draft' && (
          <Link href={`/jobs/${post.id}`}>The post as freelancers see it</Link>
        )}
        {(post.status === 'draft' || post.status === 'open') && (
          <>
            {post.status !== 'draft' && ' · '}
            <Link href={`/client/jobs/${post.id}/edit`}>Edit the job post</Link>
          </>
        )}
      </p>
      {post.status !== 'draft' && (
        <p>
          <Link href={`/client/jobs/${post.id}/proposals`}>Proposals ({proposalCount})</Link>
        </p>
      )}
      <section className="card" aria-labelledby="post-heading">
        <h2 id="post-heading">The post</h2>
        <p style={{ whiteSpace: 'pre-wrap' }}>{post.description}</p>
        <dl>
          <dt>Skills</dt>
          <dd>{post.skills.join(', ')}</dd>
          <dt>Budget</dt>
          <dd>{budgetText(post)}</dd>
          <dt>Experience</dt>
          <dd>{EXPERIENCE_LABELS[post.experience]}</dd>
          <dt>Duration</dt>
          <dd>{DURATION_LABELS[post.duration]}</dd>
          <dt>Workload</dt>
          <dd>{WORKLOAD_LABELS[post.workload]}</dd>
        </dl>
        {post.questions.length > 0 && (
          <>
            <h3>Screening questions</h3>
            <ol>
              {post.questions.map((q, i) => (
                <li key={i}>{q}</li>
              ))}
            </ol>
          </>
        )}
        {post.visibility === 'invite_only' && (
          <>
            <h3>Invited freelancers</h3>
            {invited.length === 0 ? (
              <p>Nobody yet: edit the post to name freelancers by email.</p>
            ) : (
              <ul>
                {invited.map((f) => (
                  <li key={f.userId}>{f.email}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      <JobActions jobPostId={post.id} status={post.status} />
    </>
  );
}
