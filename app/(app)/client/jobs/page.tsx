import type { Metadata } from 'next';
import Link from 'next/link';
import { getDatabase } from '@/db';
import { StatusBadge } from '@/components/ui/status-badge';
import { requireClient } from '@/lib/auth/session';
import { formatLongDate } from '@/lib/dates/format';
import { listWorkspaceJobPosts } from '@/lib/job-posts/queries';
import { budgetText, STATUS_LABELS } from '@/lib/job-posts/labels';

export const metadata: Metadata = { title: 'Job posts' };

export default async function JobPostsPage() {
  const { inviter } = await requireClient();
  const { db } = await getDatabase();
  const posts = await listWorkspaceJobPosts(db, inviter.workspaceId);
  const counts = (Object.keys(STATUS_LABELS) as (keyof typeof STATUS_LABELS)[])
    .map((status) => ({ status, n: posts.filter((p) => p.status === status).length }))
    .filter((c) => c.n > 0);
  return (
    <>
      <h1>Job posts</h1>
      <p>
        <Link href="/client/jobs/new">Post a job</Link>
      </p>
      {posts.length === 0 ? (
        <p>You have no job posts yet. Post one and freelancers can find it and send proposals.</p>
      ) : (
        <>
          <p>
            {counts.map((c, i) => (
              <span key={c.status}>
                {i > 0 && ' · '}
                {STATUS_LABELS[c.status]}: {c.n}
              </span>
            ))}
          </p>
          <table>
            <caption className="visually-hidden">Your job posts</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Budget</th>
                <th scope="col">Proposals</th>
                <th scope="col">Expires</th>
              </tr>
            </thead>
            <tbody>
              {posts.map((post) => (
                <tr key={post.id}>
                  <td>
                    <Link href={`/client/jobs/${post.id}`}>{post.title}</Link>
                  </td>
                  <td>
                    <StatusBadge kind="jobPost" status={post.status} />
                  </td>
                  <td>{budgetText(post)}</td>
                  <td>{post.proposalCount}</td>
                  <td>
                    {post.status === 'open' && post.expiresAt
                      ? formatLongDate(post.expiresAt)
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
