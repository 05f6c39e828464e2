import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { CloseJobPostForm } from '../close-form';
import { loadClientJobPost } from '../load-job-post';

export const metadata: Metadata = { title: 'Close a job post', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

/** "Close …?": what closing a job post does, and why it closes, before the action does it. */
export default async function CloseJobPostPage({ params }: Props) {
  const { post } = await loadClientJobPost(params);
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
