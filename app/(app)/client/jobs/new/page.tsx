import type { Metadata } from 'next';
import Link from 'next/link';
import { requireClient } from '@/lib/auth/session';
import { createJobPostAction } from '../actions';
import { JobPostForm } from '../job-post-form';

export const metadata: Metadata = { title: 'Post a job' };

export default async function NewJobPostPage() {
  await requireClient();
  return (
    <>
      <p>
        <Link href="/client/jobs">Back to job posts</Link>
      </p>
      <h1>Post a job</h1>
      <p>A published post is open for 30 days; we remind you 5 days before it expires.</p>
      <JobPostForm action={createJobPostAction} initial={{}} mode="new" />
    </>
  );
}
