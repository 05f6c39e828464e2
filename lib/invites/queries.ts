import { and, asc, desc, eq, min, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { param, preparedQuery } from '@/db/prepared';
import {
  complianceChecks,
  contracts,
  emailOutbox,
  inviteEvents,
  invites,
  milestones,
} from '@/db/schema';

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

/** One invite of the list, with what its status is worked out from. */
export type InviteListItem = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  status: Invite['status'];
  expiresAt: Date;
  deliveryEvent: Invite['deliveryEvent'];
  /** When the landing page was first opened: the earliest of the invite's 'opened' events. */
  openedAt: Date | null;
  contractStatus: Contract['status'] | null;
  /** The contract's freelancer once someone joined; null before. */
  freelancerId: string | null;
  /**
   * The contract waits for the compliance check and the freelancer's latest check was
   * rejected (the rule of findFreelancersNotApproved in lib/compliance/client-status).
   */
  complianceRejected: boolean;
  createdAt: Date;
  outboxStatus: (typeof emailOutbox.$inferSelect)['status'] | null;
  /** The offer's title. */
  title: string | null;
};

/** An InviteListItem as JSON carries it: timestamps as ISO 8601 text. */
type InviteListJson = Omit<InviteListItem, 'expiresAt' | 'openedAt' | 'createdAt'> & {
  expiresAt: string;
  openedAt: string | null;
  createdAt: string;
};

/**
 * One page of a workspace's invites, newest first, with the delivery state of their latest email.
 * The page of invites is picked first (by the workspace/created index) and only its rows are
 * joined: joining every invite and sorting afterwards cost 20 ms at 1,000 invites on PGlite,
 * whose planner has no statistics to tell it otherwise.
 *
 * The page comes back as one JSON value of named objects built in SQL: per row and column the
 * drivers copy and decode a field and Drizzle maps it, which cost as much as the query itself
 * on PGlite (25 invites: 0.59 ms as rows, 0.27 ms as one JSON value).
 */
export async function listWorkspaceInvites(
  db: DbOrTx,
  workspaceId: string,
  options: { limit: number; offset: number },
): Promise<InviteListItem[]> {
  if (!Number.isInteger(options.limit) || options.limit < 1)
    throw new RangeError(`limit ${options.limit}`);
  const query = preparedQuery(db, 'listWorkspaceInvites', (db) => {
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
      .limit(param('limit'))
      .offset(param('offset'))
      .as('page');
    // Each row's offer by its unique index: a plain join made the planner hash every
    // contract of the database (it cannot know the page holds only 25 invites).
    const offer = db
      .select({
        status: contracts.status,
        title: contracts.title,
        freelancerId: contracts.freelancerId,
      })
      .from(contracts)
      .where(eq(contracts.inviteId, page.id))
      .limit(1)
      .as('offer');
    // Only for a contract that waits for the check, so the other rows look up nothing. In
    // this statement rather than a second one: each statement more cost the page about
    // 1 ms on PGlite, which kept it under its `npm run bench` target.
    const latestCheck = db
      .select({ status: complianceChecks.status })
      .from(complianceChecks)
      .where(
        and(
          eq(offer.status, 'awaiting_compliance'),
          eq(complianceChecks.userId, offer.freelancerId),
        ),
      )
      .orderBy(desc(complianceChecks.submittedAt))
      .limit(1)
      .as('latest_check');
    const opened = db
      .select({ at: min(inviteEvents.createdAt).as('opened_at') })
      .from(inviteEvents)
      .where(and(eq(inviteEvents.inviteId, page.id), eq(inviteEvents.type, 'opened')))
      .as('opened');
    const item = sql`json_build_object(
      'id', ${page.id},
      'email', ${page.email},
      'firstName', ${page.firstName},
      'lastName', ${page.lastName},
      'status', ${page.status},
      'expiresAt', ${page.expiresAt},
      'deliveryEvent', ${page.deliveryEvent},
      'openedAt', ${opened.at},
      'contractStatus', ${offer.status},
      'freelancerId', ${offer.freelancerId},
      'complianceRejected', coalesce(${latestCheck.status} = 'rejected', false),
      'createdAt', ${page.createdAt},
      'outboxStatus', ${emailOutbox.status},
      'title', ${offer.title}
    )`;
    return db
      .select({
        invites: sql<InviteListJson[] | string>`coalesce(
          json_agg(${item} order by ${page.createdAt} desc, ${page.id} desc), '[]')`,
      })
      .from(page)
      .leftJoin(emailOutbox, eq(emailOutbox.id, page.lastOutboxId))
      .leftJoinLateral(offer, sql`true`)
      .leftJoinLateral(latestCheck, sql`true`)
      .leftJoinLateral(opened, sql`true`);
  });
  // No total here: the workspace row carries it (client_workspace.invite_count, kept by
  // triggers), so a view never counts every invite of the workspace.
  const [result] = await query.execute({
    workspaceId,
    limit: options.limit,
    offset: options.offset,
  });
  // postgres.js decodes json itself; PGlite may hand over the text.
  const items: InviteListJson[] =
    typeof result.invites === 'string' ? JSON.parse(result.invites) : result.invites;
  return items.map((item) => ({
    ...item,
    expiresAt: new Date(item.expiresAt),
    openedAt: item.openedAt === null ? null : new Date(item.openedAt),
    createdAt: new Date(item.createdAt),
  }));
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
