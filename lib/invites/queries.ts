import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { literalLimit, param, preparedQuery } from '@/db/prepared';
import { contracts, emailOutbox, inviteEvents, invites, milestones } from '@/db/schema';

export type Invite = typeof invites.$inferSelect;
export type Contract = typeof contracts.$inferSelect;
export type Milestone = typeof milestones.$inferSelect;
export type InviteEvent = typeof inviteEvents.$inferSelect;
export type InviteEventType = InviteEvent['type'];

export async function recordInviteEvent(
  db: DbOrTx,
  inviteId: string,
  type: InviteEventType,
  actorId: string | null,
  detail?: string,
): Promise<void> {
  await db.insert(inviteEvents).values({ inviteId, type, actorId, detail: detail ?? null });
}

/**
 * One page of a workspace's invites, newest first, with the delivery state of their latest email.
 * The page of invites is picked first (by the workspace/created index) and only its rows are
 * joined: joining every invite and sorting afterwards cost 20 ms at 1,000 invites on PGlite,
 * whose planner has no statistics to tell it otherwise.
 */
export async function listWorkspaceInvites(
  db: DbOrTx,
  workspaceId: string,
  options: { limit: number; offset: number },
) {
  // One prepared statement per page size: the size is written into it (see literalLimit).
  const limit = literalLimit(options.limit);
  const rowsQuery = preparedQuery(db, `listWorkspaceInvites:${options.limit}`, (db) => {
    const page = db
      .select({
        id: invites.id,
        email: invites.email,
        firstName: invites.firstName,
        lastName: invites.lastName,
        status: invites.status,
        expiresAt: invites.expiresAt,
        deliveryEvent: invites.deliveryEvent,
        createdAt: invites.createdAt,
        lastOutboxId: invites.lastOutboxId,
      })
      .from(invites)
      .where(eq(invites.workspaceId, param('workspaceId')))
      .orderBy(desc(invites.createdAt), desc(invites.id))
      .limit(limit)
      .offset(param('offset'))
      .as('page');
    // Each row's offer by its unique index: a plain join made the planner hash every
    // contract of the database (it cannot know the page holds only 25 invites).
    const offer = db
      .select({ status: contracts.status, title: contracts.title })
      .from(contracts)
      .where(eq(contracts.inviteId, page.id))
      .limit(literalLimit(1))
      .as('offer');
    return db
      .select({
        id: page.id,
        email: page.email,
        firstName: page.firstName,
        lastName: page.lastName,
        status: page.status,
        expiresAt: page.expiresAt,
        deliveryEvent: page.deliveryEvent,
        openedAt:
          sql<Date | null>`(select min(e.created_at) from invite_event e where e.invite_id = ${page.id} and e.type = 'opened')`.mapWith(
            (v) => (v ? new Date(v) : null),
          ),
        contractStatus: offer.status,
        createdAt: page.createdAt,
        outboxStatus: emailOutbox.status,
        title: offer.title,
      })
      .from(page)
      .leftJoin(emailOutbox, eq(emailOutbox.id, page.lastOutboxId))
      .leftJoinLateral(offer, sql`true`)
      .orderBy(desc(page.createdAt), desc(page.id))
      .prepare(`listWorkspaceInvites:${options.limit}`);
  });
  // No total here: the workspace row carries it (client_workspace.invite_count, kept by
  // triggers), so a view never counts every invite of the workspace.
  return rowsQuery.execute({ workspaceId, offset: options.offset });
}

/** The invite if it belongs to the workspace; undefined otherwise (the caller says 404). */
export async function findWorkspaceInvite(db: DbOrTx, workspaceId: string, inviteId: string) {
  const [row] = await db
    .select({
      invite: invites,
      outboxStatus: emailOutbox.status,
      outboxError: emailOutbox.lastError,
    })
    .from(invites)
    .leftJoin(emailOutbox, eq(emailOutbox.id, invites.lastOutboxId))
    .where(and(eq(invites.id, inviteId), eq(invites.workspaceId, workspaceId)));
  return row;
}

/** The invite's contract with its milestones in order, in one statement. */
export async function findContractForInvite(db: DbOrTx, inviteId: string) {
  const query = preparedQuery(db, 'findContractForInvite', (db) =>
    db
      .select({ contract: contracts, milestone: milestones })
      .from(contracts)
      .leftJoin(milestones, eq(milestones.contractId, contracts.id))
      .where(eq(contracts.inviteId, param('inviteId')))
      .orderBy(asc(milestones.position))
      .prepare('findContractForInvite'),
  );
  const rows = await query.execute({ inviteId });
  if (rows.length === 0) return undefined;
  return {
    contract: rows[0].contract,
    milestones: rows.flatMap((r) => (r.milestone ? [r.milestone] : [])),
  };
}

export async function listInviteEvents(db: DbOrTx, inviteId: string) {
  return db
    .select()
    .from(inviteEvents)
    .where(eq(inviteEvents.inviteId, inviteId))
    .orderBy(asc(inviteEvents.createdAt), asc(inviteEvents.id));
}

/** Invites the workspace created in the last 24 hours, and when the oldest of them leaves the window. */
export async function invitesInLastDay(db: DbOrTx, workspaceId: string) {
  const [row] = await db
    .select({ n: count(), oldest: sql<Date | string | null>`min(${invites.createdAt})` })
    .from(invites)
    .where(
      and(
        eq(invites.workspaceId, workspaceId),
        gt(invites.createdAt, sql`now() - interval '24 hours'`),
      ),
    );
  return { count: Number(row.n), oldest: row.oldest ? new Date(row.oldest) : null };
}
