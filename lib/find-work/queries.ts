import { and, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { jobPosts, proposals } from '@/db/schema';
import { now } from '@/lib/clock';

/** One job post as the feed lists it: what a freelancer needs to decide whether to open it. */
export type FeedItem = {
  id: string;
  title: string;
  skills: string[];
  budgetKind: 'hourly' | 'fixed';
  hourlyMinCents: number | null;
  hourlyMaxCents: number | null;
  fixedBudgetCents: number | null;
  currency: string;
  postedAt: Date;
};

const FEED_COLUMNS = {
  id: jobPosts.id,
  title: jobPosts.title,
  skills: jobPosts.skills,
  budgetKind: jobPosts.budgetKind,
  hourlyMinCents: jobPosts.hourlyMinCents,
  hourlyMaxCents: jobPosts.hourlyMaxCents,
  fixedBudgetCents: jobPosts.fixedBudgetCents,
  currency: jobPosts.currency,
  openedAt: jobPosts.openedAt,
};

// Only open, public posts that have not run past their 30 days (the expiry job may lag a
// tick behind): invite-only posts reach their freelancers through the invitation.
function isOpenPublic(): SQL {
  return and(
    eq(jobPosts.status, 'open'),
    eq(jobPosts.visibility, 'public'),
    gt(jobPosts.expiresAt, now()),
  )!;
}

async function readFeedItems(db: DbOrTx, where: SQL, limit: number): Promise<FeedItem[]> {
  const rows = await db
    .select(FEED_COLUMNS)
    .from(jobPosts)
    .where(where)
    .orderBy(desc(jobPosts.openedAt), desc(jobPosts.id))
    .limit(limit);
  // An open post always has openedAt (check job_post_open_dates).
  return rows.map(({ openedAt, ...row }) => ({ ...row, postedAt: openedAt! }));
}

/** Open posts sharing at least one skill with the profile, compared case-insensitively. */
export async function readPostsMatchingSkills(
  db: DbOrTx,
  skills: string[],
  limit: number,
): Promise<FeedItem[]> {
  const lowered = [...new Set(skills.map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (lowered.length === 0) return [];
  const overlap = sql`exists (select 1 from unnest(${jobPosts.skills}) as s(skill) where lower(s.skill) in (${sql.join(
    lowered.map((s) => sql`${s}`),
    sql`, `,
  )}))`;
  return readFeedItems(db, and(isOpenPublic(), overlap)!, limit);
}

export async function readNewestOpenPosts(db: DbOrTx, limit: number): Promise<FeedItem[]> {
  return readFeedItems(db, isOpenPublic(), limit);
}

/** Proposals still waiting on the client: sent, shortlisted, or turned into an offer. */
export const IN_PROGRESS_STATUSES = ['submitted', 'shortlisted', 'offered'] as const;

export async function listProposalsInProgress(db: DbOrTx, freelancerId: string, limit: number) {
  const where = and(
    eq(proposals.freelancerId, freelancerId),
    inArray(proposals.status, [...IN_PROGRESS_STATUSES]),
  );
  const [rows, [{ count }]] = await Promise.all([
    db
      .select({
        id: proposals.id,
        jobTitle: jobPosts.title,
        status: proposals.status,
        submittedAt: proposals.submittedAt,
      })
      .from(proposals)
      .innerJoin(jobPosts, eq(jobPosts.id, proposals.jobPostId))
      .where(where)
      .orderBy(desc(proposals.submittedAt), desc(proposals.id))
      .limit(limit),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(proposals)
      .where(where),
  ]);
  return { count, items: rows };
}
