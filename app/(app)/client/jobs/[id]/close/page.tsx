import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { requireClient } from '@/lib/auth/session';
import { findWorkspaceJobPost } from '@/lib/job-posts/queries';
import { CloseJobPostForm } from '../close-form';

export const metadata: Metadata = { title: 'Close a job post', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

/** "Close …?": what closing a job post does, and why it closes, before the action does it. */
export default async function CloseJobPostPage({ params }: Props) {
  const { inviter } = await requireClient();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { db } = await getDatabase();
  // Scoped to the viewer's workspace: another client's post finds nothing.
  const post = await findWorkspaceJobPost(db, inviter.workspaceId, id);
  if (!post) notFound();
  // Only an open post closes; the detail page says what can be done with it instead.
  if (post.status !== 'open') redirect(`/client/jobs/${post.id}`);
  return (
    <>
      <h1>Close a job post</h1>
      <ConfirmStep
        question={`Close the job post “${post.title}”?`}
        cancelHref={`/client/jobs/${post.id}`}
        consequences={[
          'Freelancers can no longer find it in search or send proposals.',
          'Freelancers who already sent a proposal see that the job is closed; their proposals stay in your list.',
          'You can reopen it later for a fresh 30 days.',
        ]}
      >
        <CloseJobPostForm jobPostId={post.id} />
      </ConfirmStep>
    </>
  );
}
