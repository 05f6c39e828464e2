import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { freelancerProfiles, jobPosts, profiles, proposals } from '@/db/schema';
import { now } from '@/lib/clock';

export type ProposalTab = 'all' | 'shortlisted' | 'archived';
export type ProposalSort = 'relevance' | 'newest';

/** The proposal with its job, only when the job belongs to `workspaceId`. */
export async function findWorkspaceProposal(db: DbOrTx, workspaceId: string, proposalId: string) {
  const [row] = await db
    .select({ proposal: proposals, job: jobPosts })
    .from(proposals)
    .innerJoin(jobPosts, eq(jobPosts.id, proposals.jobPostId))
    .where(and(eq(proposals.id, proposalId), eq(jobPosts.workspaceId, workspaceId)));
  return row;
}

/**
 * A job's proposals for its owner workspace (none for another). Relevance: how many of the
 * job's skills the freelancer's profile lists (case-insensitive), then ts_rank of the cover
 * letter against the job title, then newest; simple enough to explain to a client.
 * The freelancer shows through the proposal even when the profile is private.
 */
export async function listJobProposals(
  db: DbOrTx,
  {
    workspaceId,
    jobPostId,
    tab = 'all',
    sort = 'relevance',
  }: { workspaceId: string; jobPostId: string; tab?: ProposalTab; sort?: ProposalSort },
) {
  const overlap = sql<number>`(select count(*)::int from unnest(${jobPosts.skills}) js
      where lower(js) in (select lower(s) from jsonb_array_elements_text(coalesce(${profiles.skills}, '[]'::jsonb)) s))`;
  const rank = sql<number>`ts_rank(to_tsvector('english', ${proposals.coverLetter}), plainto_tsquery('english', ${jobPosts.title}))`;
  const statusFilter =
    tab === 'shortlisted'
      ? eq(proposals.status, 'shortlisted')
      : tab === 'archived'
        ? eq(proposals.status, 'archived')
        : sql`${proposals.status} <> 'withdrawn'`;
  return db
    .select({
      proposal: proposals,
      firstName: freelancerProfiles.firstName,
      lastName: freelancerProfiles.lastName,
      title: profiles.title,
      profileRateCents: profiles.hourlyRateCents,
      skills: profiles.skills,
      skillsInCommon: overlap,
    })
    .from(proposals)
    .innerJoin(jobPosts, eq(jobPosts.id, proposals.jobPostId))
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, proposals.freelancerId))
    .leftJoin(profiles, eq(profiles.userId, proposals.freelancerId))
    .where(and(eq(jobPosts.id, jobPostId), eq(jobPosts.workspaceId, workspaceId), statusFilter))
    .orderBy(
      ...(sort === 'relevance' ? [desc(overlap), desc(rank)] : []),
      desc(proposals.submittedAt),
      proposals.id,
    );
}

type SortingResult = { ok: true } | { ok: false; message: string };

const MOVES = {
  shortlist: { to: 'shortlisted', from: ['submitted', 'archived'] },
  archive: { to: 'archived', from: ['submitted', 'shortlisted'] },
  unarchive: { to: 'submitted', from: ['archived'] },
} as const;

/** Shortlist, archive or unarchive a proposal of the workspace's job. */
export async function moveProposal(
  db: Db,
  {
    workspaceId,
    proposalId,
    move,
  }: { workspaceId: string; proposalId: string; move: keyof typeof MOVES },
): Promise<SortingResult> {
  const found = await findWorkspaceProposal(db, workspaceId, proposalId);
  if (!found) return { ok: false, message: 'We could not find that proposal.' };
  const { to, from } = MOVES[move];
  const [row] = await db
    .update(proposals)
    .set({ status: to, updatedAt: now() })
    .where(
      and(
        eq(proposals.id, proposalId),
        sql`${proposals.status} in (${sql.join(
          from.map((s) => sql`${s}`),
          sql`, `,
        )})`,
      ),
    )
    .returning({ id: proposals.id });
  return row
    ? { ok: true }
    : { ok: false, message: 'This proposal has moved on; reload the page.' };
}

/**
 * Declines a proposal with an optional reason. TODO(lead): the decline email to the
 * freelancer (emails/proposal-declined.tsx) is not built yet; the reason is stored.
 */
export async function declineProposal(
  db: Db,
  { workspaceId, proposalId, reason }: { workspaceId: string; proposalId: string; reason?: string },
): Promise<SortingResult> {
  const found = await findWorkspaceProposal(db, workspaceId, proposalId);
  if (!found) return { ok: false, message: 'We could not find that proposal.' };
  const at = now();
  const [row] = await db
    .update(proposals)
    .set({ status: 'declined', declinedAt: at, declineReason: reason || null, updatedAt: at })
    .where(
      and(
        eq(proposals.id, proposalId),
        sql`${proposals.status} in ('submitted', 'shortlisted', 'archived')`,
      ),
    )
    .returning({ id: proposals.id });
  return row
    ? { ok: true }
    : { ok: false, message: 'Only a proposal still under review can be declined.' };
}
