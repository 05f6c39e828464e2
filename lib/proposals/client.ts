import { createElement } from 'react';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import {
  clientWorkspaces,
  freelancerProfiles,
  jobPosts,
  profiles,
  proposals,
  users,
} from '@/db/schema';
import { now } from '@/lib/clock';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import ProposalDeclinedEmail, { proposalDeclinedSubject } from '@/emails/proposal-declined';

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

/**
 * One proposal in full for the job's owner workspace, with the freelancer's profile basics;
 * a private profile shows too, since the freelancer chose to send it to this client.
 */
export async function findProposalForClient(db: DbOrTx, workspaceId: string, proposalId: string) {
  const [row] = await db
    .select({
      proposal: proposals,
      job: jobPosts,
      firstName: freelancerProfiles.firstName,
      lastName: freelancerProfiles.lastName,
      country: freelancerProfiles.country,
      title: profiles.title,
      overview: profiles.overview,
      profileRateCents: profiles.hourlyRateCents,
      skills: profiles.skills,
      languages: profiles.languages,
    })
    .from(proposals)
    .innerJoin(jobPosts, eq(jobPosts.id, proposals.jobPostId))
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, proposals.freelancerId))
    .leftJoin(profiles, eq(profiles.userId, proposals.freelancerId))
    .where(and(eq(proposals.id, proposalId), eq(jobPosts.workspaceId, workspaceId)));
  return row;
}

/** How many proposals the job has (withdrawn ones aside), for its owner workspace. */
export async function countJobProposals(db: DbOrTx, workspaceId: string, jobPostId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(proposals)
    .innerJoin(jobPosts, eq(jobPosts.id, proposals.jobPostId))
    .where(
      and(
        eq(jobPosts.id, jobPostId),
        eq(jobPosts.workspaceId, workspaceId),
        sql`${proposals.status} <> 'withdrawn'`,
      ),
    );
  return row?.n ?? 0;
}

type SortingResult = { ok: true; jobPostId: string } | { ok: false; message: string };

const NOT_FOUND = { ok: false as const, message: 'We could not find that proposal.' };

const MOVES = {
  shortlist: { to: 'shortlisted', from: ['submitted', 'archived'] },
  archive: { to: 'archived', from: ['submitted', 'shortlisted'] },
  unarchive: { to: 'submitted', from: ['archived'] },
} as const;

export type ProposalMove = keyof typeof MOVES;

/** Shortlist, archive or unarchive a proposal of the workspace's job. */
export async function moveProposal(
  db: Db,
  {
    workspaceId,
    proposalId,
    move,
  }: { workspaceId: string; proposalId: string; move: ProposalMove },
): Promise<SortingResult> {
  const found = await findWorkspaceProposal(db, workspaceId, proposalId);
  if (!found) return NOT_FOUND;
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
    ? { ok: true, jobPostId: found.job.id }
    : { ok: false, message: 'This proposal has moved on; reload the page.' };
}

/**
 * Declines a proposal with an optional reason, stored as typed, and emails the freelancer
 * the job title and the reason in the same transaction: no email for a decline that did
 * not happen, and no decline without its email.
 */
export async function declineProposal(
  db: Db,
  { workspaceId, proposalId, reason }: { workspaceId: string; proposalId: string; reason?: string },
): Promise<SortingResult> {
  const found = await findWorkspaceProposal(db, workspaceId, proposalId);
  if (!found) return NOT_FOUND;
  const at = now();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(proposals)
      .set({ status: 'declined', declinedAt: at, declineReason: reason || null, updatedAt: at })
      .where(
        and(
          eq(proposals.id, proposalId),
          sql`${proposals.status} in ('submitted', 'shortlisted', 'archived')`,
        ),
      )
      .returning({ freelancerId: proposals.freelancerId });
    if (!row)
      return { ok: false as const, message: 'Only a proposal still under review can be declined.' };
    const [to] = await tx
      .select({ email: users.email, workspaceName: clientWorkspaces.name })
      .from(users)
      .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, workspaceId))
      .where(eq(users.id, row.freelancerId));
    await sendEmail(tx, {
      to: to.email,
      subject: proposalDeclinedSubject(found.job.title),
      template: 'proposal-declined',
      element: createElement(ProposalDeclinedEmail, {
        jobTitle: found.job.title,
        workspaceName: to.workspaceName,
        reason: reason || null,
        url: new URL('/proposals', getEnv().APP_URL).toString(),
      }),
    });
    return { ok: true as const, jobPostId: found.job.id };
  });
}
