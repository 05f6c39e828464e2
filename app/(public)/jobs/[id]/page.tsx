import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDatabase } from '@/db';
import { ButtonLink } from '@/components/ui/button';
import { getViewer } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { formatLongDate } from '@/lib/dates/format';
import {
  budgetText,
  DURATION_LABELS,
  EXPERIENCE_LABELS,
  WORKLOAD_LABELS,
} from '@/lib/job-posts/labels';
import { findJobClient } from '@/lib/job-posts/queries';
import { findVisibleJobPost } from '@/lib/job-posts/visibility';
import { loadProposeForm } from '@/lib/proposals/service';

type Props = { params: Promise<{ id: string }> };

/** One visibility decision per request, shared by the page and its metadata. */
const loadJob = cache(async (id: string) => {
  const viewer = await getViewer();
  const { db } = await getDatabase();
  const post = await findVisibleJobPost(db, viewer?.user.id ?? null, id);
  if (!post) return null;
  // A freelancer's way on: the form, their earlier proposal, or nothing (their own job).
  const proposing = viewer?.isFreelancer
    ? await loadProposeForm(db, { freelancerId: viewer.user.id, jobPostId: post.id })
    : null;
  return { post, viewer, proposing, client: await findJobClient(db, post.workspaceId) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadJob((await params).id);
  return { title: found ? found.post.title : 'Job not found' };
}

export default async function PublicJobPage({ params }: Props) {
  const found = await loadJob((await params).id);
  if (!found) notFound();
  const { post, viewer, proposing, client } = found;
  // The tick may not have marked a post past its expires_at expired yet.
  const isOpen = post.status === 'open' && post.expiresAt !== null && post.expiresAt > now();
  return (
    <article>
      <h1>{post.title}</h1>
      <p className="muted">
        Posted {formatLongDate(post.openedAt ?? post.createdAt)} by {client.workspaceName}
        {' · '}
        {client.hasBillingMethod ? 'Billing method on file' : 'No billing method yet'}
      </p>
      {!isOpen && post.status !== 'draft' && (
        <p className="notice">
          This job is {post.status === 'closed' ? 'closed' : 'expired'}: it takes no new proposals.
        </p>
      )}
      <p style={{ whiteSpace: 'pre-wrap' }}>{post.description}</p>
      <dl>
        <dt>Skills</dt>
        <dd>
          <ul aria-label="Skills">
            {post.skills.map((skill) => (
              <li key={skill}>{skill}</li>
            ))}
          </ul>
        </dd>
        <dt>Budget</dt>
        <dd>{budgetText(post)}</dd>
        <dt>Experience level</dt>
        <dd>{EXPERIENCE_LABELS[post.experience]}</dd>
        <dt>Expected duration</dt>
        <dd>{DURATION_LABELS[post.duration]}</dd>
        <dt>Weekly workload</dt>
        <dd>{WORKLOAD_LABELS[post.workload]}</dd>
      </dl>
      {proposing?.existingProposalId ? (
        <p>
          You sent a proposal to this job.{' '}
          <Link href={`/proposals/${proposing.existingProposalId}`}>View your proposal</Link>
        </p>
      ) : proposing?.access.ok ? (
        <p>
          <ButtonLink href={`/jobs/${post.id}/propose`}>Send a proposal</ButtonLink>
        </p>
      ) : null}
      {isOpen && !viewer && (
        <p>
          <Link href={`/sign-in?next=${encodeURIComponent(`/jobs/${post.id}/propose`)}`}>
            Sign in
          </Link>{' '}
          as a freelancer to send a proposal.
        </p>
      )}
    </article>
  );
}
