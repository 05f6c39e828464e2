import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobPosts } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { now } from '@/lib/clock';
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

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A job post row inserted directly, past the service's rules (a lapsed date, a status or a
 * shape the form would not make): open and public, opened `openedDaysAgo` days (0) before
 * lib/clock's now (or at `openedAt`) and expiring 30 days after that, hourly $20–$60 (fixed: $2,000), two
 * screening questions, unless overridden.
 */
export async function insertJobPost(
  db: Db,
  client: { userId: string; workspaceId: string },
  overrides: Partial<typeof jobPosts.$inferInsert> & { openedDaysAgo?: number } = {},
): Promise<JobPostRow> {
  const { openedDaysAgo = 0, ...row } = overrides;
  const openedAt = row.openedAt ?? new Date(now().getTime() - openedDaysAgo * DAY_MS);
  const hourly = (row.budgetKind ?? 'hourly') === 'hourly';
  const [post] = await db
    .insert(jobPosts)
    .values({
      workspaceId: client.workspaceId,
      createdById: client.userId,
      title: 'React developer for a dashboard',
      description: 'Build charts for our dashboard.',
      skills: ['React', 'TypeScript'],
      budgetKind: 'hourly',
      hourlyMinCents: hourly ? 2000 : null,
      hourlyMaxCents: hourly ? 6000 : null,
      fixedBudgetCents: hourly ? null : 200_000,
      experience: 'intermediate',
      duration: '1_to_3_months',
      workload: '10_to_30',
      questions: ['Which charts have you built?', 'When can you start?'],
      status: 'open',
      openedAt,
      expiresAt: new Date(openedAt.getTime() + 30 * DAY_MS),
      ...row,
    })
    .returning();
  return post;
}
