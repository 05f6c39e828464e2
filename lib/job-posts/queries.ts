import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  billingMethods,
  clientWorkspaces,
  freelancerProfiles,
  jobPostInvitations,
  jobPosts,
  proposals,
  users,
} from '@/db/schema';

export type JobPostRow = typeof jobPosts.$inferSelect;
export type JobPostStatus = JobPostRow['status'];

/** A post by id, only when it belongs to the workspace (every owner-side read goes here). */
export async function findWorkspaceJobPost(
  db: DbOrTx,
  workspaceId: string,
  id: string,
): Promise<JobPostRow | null> {
  const [row] = await db
    .select()
    .from(jobPosts)
    .where(and(eq(jobPosts.id, id), eq(jobPosts.workspaceId, workspaceId)))
    .limit(1);
  return row ?? null;
}

/** The same, locked for an update in the caller's transaction. */
export async function lockWorkspaceJobPost(
  tx: DbOrTx,
  workspaceId: string,
  id: string,
): Promise<JobPostRow | null> {
  const [row] = await tx
    .select()
    .from(jobPosts)
    .where(and(eq(jobPosts.id, id), eq(jobPosts.workspaceId, workspaceId)))
    .for('update')
    .limit(1);
  return row ?? null;
}

/** Any post by id, for the visibility reader (which decides who may see it). */
export async function findJobPostById(db: DbOrTx, id: string): Promise<JobPostRow | null> {
  const [row] = await db.select().from(jobPosts).where(eq(jobPosts.id, id)).limit(1);
  return row ?? null;
}

export type WorkspaceJobPostSummary = JobPostRow & { proposalCount: number };

/** The client's posts, newest first, each with how many proposals it has. */
export async function listWorkspaceJobPosts(
  db: DbOrTx,
  workspaceId: string,
): Promise<WorkspaceJobPostSummary[]> {
  const counts = db
    .select({ jobPostId: proposals.jobPostId, n: count().as('n') })
    .from(proposals)
    .groupBy(proposals.jobPostId)
    .as('counts');
  const rows = await db
    .select({ post: jobPosts, n: counts.n })
    .from(jobPosts)
    .leftJoin(counts, eq(counts.jobPostId, jobPosts.id))
    .where(eq(jobPosts.workspaceId, workspaceId))
    .orderBy(desc(jobPosts.createdAt), desc(jobPosts.id));
  return rows.map((r) => ({ ...r.post, proposalCount: Number(r.n ?? 0) }));
}

/** Freelancer accounts among these (lower-cased) emails. */
export async function findFreelancersByEmail(
  db: DbOrTx,
  emails: string[],
): Promise<{ userId: string; email: string }[]> {
  if (emails.length === 0) return [];
  return db
    .select({ userId: users.id, email: users.email })
    .from(users)
    .innerJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
    .where(inArray(sql`lower(${users.email})`, emails));
}

/** The invite-only list of a post, by email, in the order they were named. */
export async function listInvitedFreelancers(
  db: DbOrTx,
  jobPostId: string,
): Promise<{ userId: string; email: string }[]> {
  return db
    .select({ userId: users.id, email: users.email })
    .from(jobPostInvitations)
    .innerJoin(users, eq(users.id, jobPostInvitations.freelancerId))
    .where(eq(jobPostInvitations.jobPostId, jobPostId))
    .orderBy(asc(jobPostInvitations.createdAt), asc(users.email));
}

/** Replaces the invite-only list in the caller's transaction. */
export async function replaceInvitations(
  tx: DbOrTx,
  jobPostId: string,
  freelancerIds: string[],
): Promise<void> {
  await tx.delete(jobPostInvitations).where(eq(jobPostInvitations.jobPostId, jobPostId));
  if (freelancerIds.length === 0) return;
  await tx
    .insert(jobPostInvitations)
    .values(freelancerIds.map((freelancerId) => ({ jobPostId, freelancerId })))
    .onConflictDoNothing();
}

export async function isInvited(db: DbOrTx, jobPostId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: jobPostInvitations.jobPostId })
    .from(jobPostInvitations)
    .where(
      and(eq(jobPostInvitations.jobPostId, jobPostId), eq(jobPostInvitations.freelancerId, userId)),
    )
    .limit(1);
  return row !== undefined;
}

export async function hasProposed(db: DbOrTx, jobPostId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.jobPostId, jobPostId), eq(proposals.freelancerId, userId)))
    .limit(1);
  return row !== undefined;
}

/** The workspace a viewer owns, if any (a post's owner side is its workspace). */
export async function findOwnedWorkspaceId(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: clientWorkspaces.id })
    .from(clientWorkspaces)
    .where(eq(clientWorkspaces.ownerId, userId))
    .limit(1);
  return row?.id ?? null;
}

/** What the public job page says about the client: its name and whether it can pay. */
export async function findJobClient(
  db: DbOrTx,
  workspaceId: string,
): Promise<{ workspaceName: string; hasBillingMethod: boolean }> {
  const [row] = await db
    .select({
      name: clientWorkspaces.name,
      methods: sql<number>`(select count(*) from ${billingMethods} where ${billingMethods.workspaceId} = ${clientWorkspaces.id} and ${billingMethods.removedAt} is null)`,
    })
    .from(clientWorkspaces)
    .where(eq(clientWorkspaces.id, workspaceId))
    .limit(1);
  return { workspaceName: row?.name ?? '', hasBillingMethod: Number(row?.methods ?? 0) > 0 };
}

/** The owner's address for the expiry emails. */
export async function findOwnerEmail(db: DbOrTx, workspaceId: string): Promise<string | null> {
  const [row] = await db
    .select({ email: users.email })
    .from(clientWorkspaces)
    .innerJoin(users, eq(users.id, clientWorkspaces.ownerId))
    .where(eq(clientWorkspaces.id, workspaceId))
    .limit(1);
  return row?.email ?? null;
}
