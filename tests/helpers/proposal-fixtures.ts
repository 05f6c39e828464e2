import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobPostInvitations, jobPosts } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { proposalSchema, type ProposalData, type ProposalInput } from '@/lib/proposals/schemas';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A job post row inserted directly (lib/job-posts is built in parallel): open for 30 days,
 * hourly $20–$60, two screening questions, unless overridden.
 */
export async function insertJobPost(
  db: Db,
  client: Inviter,
  overrides: Partial<typeof jobPosts.$inferInsert> = {},
) {
  const openedAt = new Date();
  const kind = overrides.budgetKind ?? 'hourly';
  const [row] = await db
    .insert(jobPosts)
    .values({
      workspaceId: client.workspaceId,
      createdById: client.userId,
      title: 'React developer for a dashboard',
      description: 'Build charts for our dashboard.',
      skills: ['React', 'TypeScript'],
      budgetKind: kind,
      hourlyMinCents: kind === 'hourly' ? 2000 : null,
      hourlyMaxCents: kind === 'hourly' ? 6000 : null,
      fixedBudgetCents: kind === 'fixed' ? 200_000 : null,
      experience: 'intermediate',
      duration: '1_to_3_months',
      workload: '10_to_30',
      questions: ['Which charts have you built?', 'When can you start?'],
      status: 'open',
      openedAt,
      expiresAt: new Date(openedAt.getTime() + 30 * DAY_MS),
      ...overrides,
    })
    .returning();
  return row;
}

export async function inviteToJob(db: Db, jobPostId: string, freelancerId: string) {
  await db.insert(jobPostInvitations).values({ jobPostId, freelancerId });
}

export function parseProposal(input: Partial<ProposalInput> & { jobPostId: string }): ProposalData {
  const result = proposalSchema.safeParse({
    coverLetter: 'I have built React dashboards for five years.',
    answers: ['Line and bar charts.', 'Next Monday.'],
    bidShape: 'hourly',
    hourlyRateDollars: '45',
    estimatedDuration: '1_to_3_months',
    ...input,
  });
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

/** Moves a proposal's submitted_at back, for the rolling daily cap. */
export async function ageProposals(db: Db, freelancerId: string, hours: number) {
  await db.execute(
    sql`update proposal set submitted_at = submitted_at - make_interval(hours => ${hours}) where freelancer_id = ${freelancerId}`,
  );
}
