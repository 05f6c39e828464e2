import { and, asc, count, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '@/db/client';
import { clientWorkspaces, inviteEvents, invites } from '@/db/schema';
import { now, nowMs } from '@/lib/clock';
import { getEnv } from '@/lib/env';
import type { Invite, InviteEventType } from './queries';

/*
 * Every invitation email a client's action sends to someone outside the workspace counts:
 * a new invite (one row of `invite`) and every fresh link of an existing one (its `resent`,
 * `email_changed` or `fresh_link_requested` event). Reminders are automatic, once per
 * invite, and do not count. Both are already written in the transaction that queues the
 * email, so counting them under the workspace lock is exact; a fixed-window counter of
 * rate_limit would let twice the limit through across a window's edge and could only say
 * "after midnight". The windows roll: a send counts for 24 hours after it was made.
 */

/** The start of the last 24 hours by the app's clock (lib/clock), so moving it ages sends out. */
const windowStart = () => sql`${now().toISOString()}::timestamptz - interval '24 hours'`;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The events that put a fresh link in someone's mailbox at a client's (or invitee's) request. */
export const REISSUE_EVENTS: InviteEventType[] = [
  'resent',
  'email_changed',
  'fresh_link_requested',
];

type Scope = { workspaceId: string } | { inviteId: string };

function scopeOf(scope: Scope): SQL {
  return 'inviteId' in scope
    ? eq(invites.id, scope.inviteId)
    : eq(invites.workspaceId, scope.workspaceId);
}

/** A send's time, under one name in both halves of the union, so it can be ordered by. */
const sentAt = (column: typeof invites.createdAt | typeof inviteEvents.createdAt) =>
  sql<Date>`${column}`.mapWith(column).as('at');

function sendsInLastDay(db: DbOrTx, scope: Scope) {
  const created = db
    .select({ at: sentAt(invites.createdAt) })
    .from(invites)
    .where(and(scopeOf(scope), gt(invites.createdAt, windowStart())));
  const reissued = db
    .select({ at: sentAt(inviteEvents.createdAt) })
    .from(inviteEvents)
    .innerJoin(invites, eq(invites.id, inviteEvents.inviteId))
    .where(
      and(
        scopeOf(scope),
        inArray(inviteEvents.type, REISSUE_EVENTS),
        gt(inviteEvents.createdAt, windowStart()),
      ),
    );
  return { created, reissued };
}

export type SendAllowance = { allowed: boolean; remaining: number; retryAt: Date };

/**
 * Whether `wanted` more invitation emails fit within `limit` for the scope, and when they
 * will: once enough of the counted sends are 24 hours old.
 */
async function checkSends(
  db: DbOrTx,
  scope: Scope,
  limit: number,
  wanted: number,
): Promise<SendAllowance> {
  const { created, reissued } = sendsInLastDay(db, scope);
  const [[a], [b]] = [
    await db.select({ n: count() }).from(created.as('created')),
    await db.select({ n: count() }).from(reissued.as('reissued')),
  ];
  const used = Number(a.n) + Number(b.n);
  const remaining = Math.max(0, limit - used);
  if (remaining >= wanted) return { allowed: true, remaining, retryAt: now() };
  // The send whose 24 hours ending frees the last of the `wanted` places.
  const mustAgeOut = used + wanted - limit;
  if (mustAgeOut > used) return { allowed: false, remaining, retryAt: new Date(nowMs() + DAY_MS) };
  const [oldest] = await unionAll(created, reissued)
    .orderBy(asc(sql`at`))
    .limit(1)
    .offset(mustAgeOut - 1);
  return { allowed: false, remaining, retryAt: new Date(oldest.at.getTime() + DAY_MS) };
}

/** The workspace's budget: INVITES_PER_DAY invitation emails, new or resent, in 24 hours. */
export function checkWorkspaceSends(db: DbOrTx, workspaceId: string, wanted = 1) {
  return checkSends(db, { workspaceId }, getEnv().INVITES_PER_DAY, wanted);
}

/** One invite's budget: INVITE_SENDS_PER_DAY emails (its first included) in 24 hours. */
export function checkInviteSends(db: DbOrTx, inviteId: string) {
  return checkSends(db, { inviteId }, getEnv().INVITE_SENDS_PER_DAY, 1);
}

/**
 * "after 14:05 UTC" today, "tomorrow after 09:30 UTC" the next day: rounded up to the
 * minute, so trying at the time said always works.
 */
export function describeRetryAt(retryAt: Date, asOf = now()): string {
  const at = new Date(Math.ceil(retryAt.getTime() / 60_000) * 60_000);
  const time = `${at.toISOString().slice(11, 16)} UTC`;
  const sameDay = at.toISOString().slice(0, 10) === asOf.toISOString().slice(0, 10);
  return sameDay ? `after ${time}` : `tomorrow after ${time}`;
}

export function workspaceLimitMessage(retryAt: Date): string {
  return `You have sent ${getEnv().INVITES_PER_DAY} invitation emails in the last 24 hours (new invites, resends and address changes), the most allowed in one day. You can send more ${describeRetryAt(retryAt)}.`;
}

export function inviteLimitMessage(retryAt: Date): string {
  return `This invite was emailed ${getEnv().INVITE_SENDS_PER_DAY} times in the last 24 hours, the most allowed for one invite. You can send it again ${describeRetryAt(retryAt)}.`;
}

/**
 * Serialises the transactions that create invites for one workspace, so the daily limit
 * counted inside them holds when requests arrive together. NO KEY UPDATE does not block
 * the foreign-key checks of other writes that reference the workspace.
 */
export async function lockWorkspaceForInvites(tx: Tx, workspaceId: string): Promise<void> {
  await tx
    .select({ id: clientWorkspaces.id })
    .from(clientWorkspaces)
    .where(eq(clientWorkspaces.id, workspaceId))
    .for('no key update');
}

export type SendRefusal = {
  ok: false;
  reason: 'daily-limit' | 'invite-limit';
  retryAt: Date;
  message: string;
};

/**
 * The invite's own budget and its workspace's, counted under the workspace lock (taken
 * before any invite row, the order createInvite and the bulk send use). Resend and change
 * of address ask first, before they write anything; reissueInviteLink asks again, so that
 * no path to a fresh link can skip the count.
 */
export async function refuseOverLimit(tx: Tx, invite: Invite): Promise<SendRefusal | undefined> {
  await lockWorkspaceForInvites(tx, invite.workspaceId);
  const own = await checkInviteSends(tx, invite.id);
  if (!own.allowed) {
    return {
      ok: false,
      reason: 'invite-limit',
      retryAt: own.retryAt,
      message: inviteLimitMessage(own.retryAt),
    };
  }
  const workspace = await checkWorkspaceSends(tx, invite.workspaceId);
  if (!workspace.allowed) {
    return {
      ok: false,
      reason: 'daily-limit',
      retryAt: workspace.retryAt,
      message: workspaceLimitMessage(workspace.retryAt),
    };
  }
  return undefined;
}
