import { and, asc, desc, eq, sql } from 'drizzle-orm';
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
  event: { inviteId: string; type: InviteEventType; actorId: string | null; detail?: string },
): Promise<void> {
  await db.insert(inviteEvents).values({ ...event, detail: event.detail ?? null });
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
    // The page comes back as one JSON array of tuples: per row and column, the drivers copy
    // and decode a field and Drizzle maps it, which cost as much as running the query on PGlite
    // (0.59 ms mapped row by row, 0.27 ms as one JSON value, for 25 invites).
    return db
      .select({
        rows: sql<InviteListTuple[]>`coalesce(json_agg(json_build_array(
          ${page.id}, ${page.email}, ${page.firstName}, ${page.lastName}, ${page.status},
          ${page.expiresAt}, ${page.deliveryEvent},
          (select min(e.created_at) from invite_event e where e.invite_id = ${page.id} and e.type = 'opened'),
          ${offer.status}, ${page.createdAt}, ${emailOutbox.status}, ${offer.title}
        ) order by ${page.createdAt} desc, ${page.id} desc), '[]')`,
      })
      .from(page)
      .leftJoin(emailOutbox, eq(emailOutbox.id, page.lastOutboxId))
      .leftJoinLateral(offer, sql`true`);
  });
  // No total here: the workspace row carries it (client_workspace.invite_count, kept by
  // triggers), so a view never counts every invite of the workspace.
  const [{ rows }] = await rowsQuery.execute({ workspaceId, offset: options.offset });
  return rows.map(
    ([
      id,
      email,
      firstName,
      lastName,
      status,
      expiresAt,
      deliveryEvent,
      openedAt,
      contractStatus,
      createdAt,
      outboxStatus,
      title,
    ]) => ({
      id,
      email,
      firstName,
      lastName,
      status,
      expiresAt: new Date(expiresAt),
      deliveryEvent,
      openedAt: openedAt === null ? null : new Date(openedAt),
      contractStatus,
      createdAt: new Date(createdAt),
      outboxStatus,
      title,
    }),
  );
}

/** One invite of the list, in the order the statement builds it (timestamps as JSON text). */
type InviteListTuple = [
  id: string,
  email: string,
  firstName: string,
  lastName: string,
  status: Invite['status'],
  expiresAt: string,
  deliveryEvent: Invite['deliveryEvent'],
  openedAt: string | null,
  contractStatus: Contract['status'] | null,
  createdAt: string,
  outboxStatus: (typeof emailOutbox.$inferSelect)['status'] | null,
  title: string | null,
];

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
      .orderBy(asc(milestones.position)),
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
