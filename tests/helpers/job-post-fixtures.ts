import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobPosts } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import type { JobPostRow } from '@/lib/job-posts/queries';
import { jobPostSchema, type JobPostInput } from '@/lib/job-posts/schemas';
import {
  closeJobPost,
  createJobPost as createJobPostNow,
  type JobOwner,
} from '@/lib/job-posts/service';
import { createClient } from './invite-fixtures';

/** A valid job post form, as the browser sends it; override any field. */
export function jobPostInput(overrides: Partial<JobPostInput> = {}): JobPostInput {
  return {
    title: 'Build a booking page',
    description: 'A React booking page with a calendar and Stripe checkout.',
    skills: 'React, TypeScript',
    budgetKind: 'hourly',
    hourlyMinDollars: '30',
    hourlyMaxDollars: '60',
    fixedBudgetDollars: '',
    experience: 'intermediate',
    duration: '1_to_3_months',
    workload: '10_to_30',
    visibility: 'public',
    questions: [],
    ...overrides,
  };
}

export type CreatedJobPost = { post: JobPostRow; owner: JobOwner; client: Inviter };

/**
 * A job post made through the service (so it obeys every rule). `status` open (default),
 * draft, closed (not hired) or expired (moved past its date by hand, as the tick would);
 * `invitees` are freelancer emails for an invite-only post; other keys override the form.
 */
export async function createJobPost(
  db: Db,
  options: {
    workspace?: Inviter;
    status?: JobPostRow['status'];
    visibility?: 'public' | 'invite_only';
    invitees?: string[];
  } & Partial<JobPostInput> = {},
): Promise<CreatedJobPost> {
  const { workspace, status = 'open', visibility = 'public', invitees, ...overrides } = options;
  const client = workspace ?? (await createClient(db));
  const owner: JobOwner = { userId: client.userId, workspaceId: client.workspaceId };
  const data = jobPostSchema.parse(jobPostInput({ visibility, ...overrides }));
  const created = await createJobPostNow(db, owner, data, {
    publish: status !== 'draft',
    invitees,
  });
  if (!created.ok) throw new Error(`createJobPost fixture: ${created.message}`);
  let post = created.post;
  if (status === 'closed') {
    const closed = await closeJobPost(db, owner, post.id, 'not_hired');
    if (!closed.ok) throw new Error(closed.message);
    post = closed.post;
  }
  if (status === 'expired') {
    [post] = await db
      .update(jobPosts)
      .set({ status: 'expired' })
      .where(eq(jobPosts.id, post.id))
      .returning();
  }
  return { post, owner, client };
}
