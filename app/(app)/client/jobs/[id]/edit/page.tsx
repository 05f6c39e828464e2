import type { Metadata } from 'next';
import Link from 'next/link';
import { centsToDollarInput } from '@/lib/money/money';
import { listInvitedFreelancers } from '@/lib/job-posts/queries';
import { editJobPostAction } from '../../actions';
import { JobPostForm } from '../../job-post-form';
import { loadClientJobPost } from '../load-job-post';

export const metadata: Metadata = { title: 'Edit the job post' };

type Props = { params: Promise<{ id: string }> };

export default async function EditJobPostPage({ params }: Props) {
  const { db, post } = await loadClientJobPost(params);
  const editable = post.status === 'draft' || post.status === 'open';
  const invited = await listInvitedFreelancers(db, post.id);
  const cents = (c: number | null) => (c === null ? '' : centsToDollarInput(c));
  const initial: Record<string, string> = {
    title: post.title,
    description: post.description,
    skills: post.skills.join(', '),
    budgetKind: post.budgetKind,
    hourlyMinDollars: cents(post.hourlyMinCents),
    hourlyMaxDollars: cents(post.hourlyMaxCents),
    fixedBudgetDollars: cents(post.fixedBudgetCents),
    experience: post.experience,
    duration: post.duration,
    workload: post.workload,
    visibility: post.visibility,
    invitees: invited.map((f) => f.email).join('\n'),
    ...Object.fromEntries(post.questions.map((q, i) => [`questions.${i}`, q])),
  };
  return (
    <>
      <p>
        <Link href={`/client/jobs/${post.id}`}>Back to the job post</Link>
      </p>
      <h1>Edit “{post.title}”</h1>
      {editable ? (
        <>
          {post.status === 'open' && (
            <p>The post stays open until the same date: editing does not restart its 30 days.</p>
          )}
          <JobPostForm
            action={editJobPostAction}
            initial={initial}
            mode="edit"
            jobPostId={post.id}
          />
        </>
      ) : (
        <p className="notice error">This post is {post.status}: reopen it before you change it.</p>
      )}
    </>
  );
}
