import type { Db } from '@/db/client';
import { jobPosts, proposals, savedSearches } from '@/db/schema';
import { now } from '@/lib/clock';

const DAY = 24 * 60 * 60 * 1000;

type JobPostRow = typeof jobPosts.$inferInsert;

/**
 * An open, public hourly job post inserted directly (lib/job-posts is built beside this),
 * opened `openedDaysAgo` days before the clock's now, expiring 30 days after that.
 */
export async function insertJobPost(
  db: Db,
  client: { userId: string; workspaceId: string },
  overrides: Partial<JobPostRow> & { openedDaysAgo?: number } = {},
): Promise<string> {
  const { openedDaysAgo = 1, ...row } = overrides;
  const openedAt = new Date(now().getTime() - openedDaysAgo * DAY);
  const [post] = await db
    .insert(jobPosts)
    .values({
      workspaceId: client.workspaceId,
      createdById: client.userId,
      title: 'Build a booking page',
      description: 'A small booking page for a clinic.',
      skills: ['React'],
      budgetKind: 'hourly',
      hourlyMinCents: 3_000,
      hourlyMaxCents: 5_000,
      experience: 'intermediate',
      duration: '1_to_3_months',
      workload: '10_to_30',
      status: 'open',
      openedAt,
      expiresAt: new Date(openedAt.getTime() + 30 * DAY),
      ...row,
    })
    .returning({ id: jobPosts.id });
  return post.id;
}

export async function insertSavedSearch(
  db: Db,
  freelancerId: string,
  values: { name: string; query?: string; filters?: Record<string, string> },
): Promise<string> {
  const [row] = await db
    .insert(savedSearches)
    .values({ freelancerId, lastVisitedAt: now(), lastDigestAt: now(), ...values })
    .returning({ id: savedSearches.id });
  return row.id;
}

/** A proposal in the given status (withdrawn and declined carry their dates, offered an invite). */
export async function insertProposal(
  db: Db,
  jobPostId: string,
  freelancerId: string,
  status: 'submitted' | 'shortlisted' | 'archived' | 'withdrawn' = 'submitted',
): Promise<string> {
  const [row] = await db
    .insert(proposals)
    .values({
      jobPostId,
      freelancerId,
      coverLetter: 'I have built three booking pages like this one.',
      bidShape: 'hourly',
      hourlyRateCents: 4_000,
      estimatedDuration: '1_to_3_months',
      status,
      withdrawnAt: status === 'withdrawn' ? now() : null,
      submittedAt: now(),
    })
    .returning({ id: proposals.id });
  return row.id;
}
