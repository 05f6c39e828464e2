import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { clientWorkspaces, contracts, inviteTokens, invites, milestones } from '@/db/schema';
import { recordAudit, type AuditAction } from '@/lib/audit/log';
import type { OfferTerms } from '@/lib/contracts/summary';
import { getEnv } from '@/lib/env';
import { generateToken, hashToken } from '@/lib/security/tokens';
import { enqueueInvitationEmail } from './emails';
import { prepareInvites, writePreparedInvites } from './prepare';
import {
  findContractForInvite,
  findWorkspaceInvite,
  invitesInLastDay,
  recordInviteEvent,
  type Invite,
} from './queries';
import type { InviteData, OfferData } from './schemas';

export type Inviter = { userId: string; name: string; workspaceId: string; workspaceName: string };

export type InviteResult =
  | { ok: true; inviteId: string }
  | { ok: false; reason: 'duplicate'; existingInviteId: string; message: string }
  | { ok: false; reason: 'daily-limit'; retryAt: Date; message: string }
  | { ok: false; reason: 'not-found' | 'not-pending'; message: string };

const DAY_MS = 24 * 60 * 60 * 1000;

export function inviteExpiry(now = new Date()): Date {
  return new Date(now.getTime() + getEnv().INVITE_TTL_DAYS * DAY_MS);
}

export function termsFromOffer(offer: OfferData, feeBps: number, currency = 'USD'): OfferTerms {
  return {
    kind: offer.kind,
    title: offer.title,
    description: offer.description,
    startDate: offer.startDate,
    currency,
    hourlyRateCents: offer.kind === 'hourly' ? offer.hourlyRate : null,
    weeklyLimitHours: offer.kind === 'hourly' ? offer.weeklyLimit : null,
    allowManualTime: offer.kind === 'hourly' ? offer.allowManualTime : false,
    feeBps,
    milestones:
      offer.kind === 'fixed'
        ? offer.milestones.map((m) => ({
            description: m.description,
            amountCents: m.amount,
            dueDate: m.dueDate,
          }))
        : [],
  };
}

export function dailyLimitMessage(retryAt: Date): string {
  return `You have sent ${getEnv().INVITES_PER_DAY} invites in the last 24 hours, the most allowed in one day. You can send more after ${retryAt.toUTCString()}.`;
}

/** Says whether the workspace may create `wanted` more invites now, and when it may again. */
export async function checkDailyLimit(db: Db | Tx, workspaceId: string, wanted = 1) {
  const { count, oldest } = await invitesInLastDay(db, workspaceId);
  const remaining = Math.max(0, getEnv().INVITES_PER_DAY - count);
  const retryAt = oldest ? new Date(oldest.getTime() + DAY_MS) : new Date();
  return { allowed: remaining >= wanted, remaining, retryAt };
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

/** Marks pending invites past their expiry as expired, so a new invite to the same person may be sent. */
async function expireStale(tx: Tx, workspaceId: string, email: string) {
  await tx
    .update(invites)
    .set({ status: 'expired', updatedAt: new Date() })
    .where(
      and(
        eq(invites.workspaceId, workspaceId),
        eq(invites.email, email),
        eq(invites.status, 'pending'),
        lt(invites.expiresAt, sql`now()`),
      ),
    );
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

async function findPendingInvite(db: Db | Tx, workspaceId: string, email: string) {
  const [row] = await db
    .select({ id: invites.id })
    .from(invites)
    .where(
      and(
        eq(invites.workspaceId, workspaceId),
        eq(invites.email, email),
        eq(invites.status, 'pending'),
      ),
    );
  return row;
}

function duplicateResult(existingInviteId: string): InviteResult {
  return {
    ok: false,
    reason: 'duplicate',
    existingInviteId,
    message: 'You already have a pending invite to this email address.',
  };
}

/**
 * Creates the invite, its offer, its first event, its audit entry and its invitation email
 * in one transaction. A concurrent duplicate (a double click) loses on the partial unique
 * index. `ip`, here and below: the client's address, for the audit log.
 */
export async function createInvite(
  db: Db,
  inviter: Inviter,
  input: InviteData,
  ip: string | null = null,
): Promise<InviteResult> {
  // Rendered before the transaction: rendering is slow, and PGlite has one connection.
  const [prepared] = await prepareInvites(
    inviter,
    [
      {
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        message: input.message,
        terms: termsFromOffer(input.offer, getEnv().SERVICE_FEE_BPS),
      },
    ],
    inviteExpiry(),
  );
  try {
    return await db.transaction(async (tx) => {
      await lockWorkspaceForInvites(tx, inviter.workspaceId);
      const limit = await checkDailyLimit(tx, inviter.workspaceId);
      if (!limit.allowed) {
        return {
          ok: false as const,
          reason: 'daily-limit' as const,
          retryAt: limit.retryAt,
          message: dailyLimitMessage(limit.retryAt),
        };
      }
      await expireStale(tx, inviter.workspaceId, input.email);
      const existing = await findPendingInvite(tx, inviter.workspaceId, input.email);
      if (existing) return duplicateResult(existing.id);
      await writePreparedInvites(tx, inviter, [prepared], ip);
      return { ok: true as const, inviteId: prepared.inviteId };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await findPendingInvite(db, inviter.workspaceId, input.email);
    if (existing) return duplicateResult(existing.id);
    throw error;
  }
}

/** Loads the offer terms of an invite as they stand. */
export async function loadTerms(db: Db | Tx, inviteId: string): Promise<OfferTerms | undefined> {
  const found = await findContractForInvite(db, inviteId);
  if (!found) return undefined;
  const c = found.contract;
  return {
    kind: c.kind,
    title: c.title,
    description: c.description,
    startDate: c.startDate,
    currency: c.currency,
    hourlyRateCents: c.hourlyRateCents,
    weeklyLimitHours: c.weeklyLimitHours,
    allowManualTime: c.allowManualTime,
    feeBps: c.feeBps,
    milestones: found.milestones.map((m) => ({
      description: m.description,
      amountCents: m.amountCents,
      dueDate: m.dueDate,
    })),
  };
}

const REISSUE_AUDIT: Record<
  'resent' | 'email_changed' | 'fresh_link_requested',
  { action: AuditAction; detail: (from: string, to: string) => string }
> = {
  resent: { action: 'invite.resent', detail: (_from, to) => `to ${to}` },
  email_changed: { action: 'invite.email_changed', detail: (from, to) => `${from} → ${to}` },
  fresh_link_requested: {
    action: 'invite.resent',
    detail: (_from, to) => `to ${to}, asked for from an expired link`,
  },
};

/**
 * Issues a fresh link for a pending invite: the old token is superseded (its link stops
 * working), the expiry starts again, a new email goes out, and the audit log says so.
 * Used by resend, change of email and the invitee's "email me a fresh link".
 */
export async function reissueInviteLink(
  tx: Tx,
  invite: Invite,
  inviter: Inviter,
  options: {
    email?: string;
    event: 'resent' | 'email_changed' | 'fresh_link_requested';
    actorId: string | null;
    ip: string | null;
    detail?: string;
  },
): Promise<void> {
  const token = generateToken();
  const tokenHash = hashToken(token);
  const expiresAt = inviteExpiry();
  const email = options.email ?? invite.email;
  await tx
    .update(inviteTokens)
    .set({ supersededAt: new Date() })
    .where(and(eq(inviteTokens.inviteId, invite.id), sql`${inviteTokens.supersededAt} is null`));
  await tx.insert(inviteTokens).values({ tokenHash, inviteId: invite.id });
  const terms = await loadTerms(tx, invite.id);
  if (!terms) throw new Error('invite without an offer');
  const outboxId = await enqueueInvitationEmail(tx, {
    to: email,
    token,
    inviterName: inviter.name,
    workspaceName: inviter.workspaceName,
    freelancerFirstName: invite.firstName,
    message: invite.message,
    terms,
    expiresAt,
  });
  await tx
    .update(invites)
    .set({
      tokenHash,
      expiresAt,
      email,
      status: 'pending',
      lastOutboxId: outboxId,
      deliveryEvent: null,
      reminderSentAt: null,
      updatedAt: new Date(),
    })
    .where(eq(invites.id, invite.id));
  await recordInviteEvent(tx, invite.id, options.event, options.actorId, options.detail);
  const audit = REISSUE_AUDIT[options.event];
  await recordAudit(tx, {
    actorId: options.actorId,
    action: audit.action,
    targetType: 'invite',
    targetId: invite.id,
    ip: options.ip,
    detail: audit.detail(invite.email, email),
  });
}

/** A pending (not accepted, declined or revoked) invite of this workspace, locked for update. */
async function lockOwnPendingInvite(
  tx: Tx,
  workspaceId: string,
  inviteId: string,
  options: { allowActivated?: boolean } = {},
) {
  const [invite] = await tx
    .select()
    .from(invites)
    .where(and(eq(invites.id, inviteId), eq(invites.workspaceId, workspaceId)))
    .for('update');
  if (!invite)
    return {
      error: {
        ok: false as const,
        reason: 'not-found' as const,
        message: 'We could not find that invite.',
      },
    };
  // An expired invite may still be resent: that is how a client revives it.
  // The offer stays editable after the freelancer activated their account, until they decide on it.
  const activated = options.allowActivated && invite.status === 'accepted';
  if (invite.status !== 'pending' && invite.status !== 'expired' && !activated) {
    return {
      error: {
        ok: false as const,
        reason: 'not-pending' as const,
        message: `This invite was ${invite.status} and can no longer be changed.`,
      },
    };
  }
  return { invite };
}

export async function resendInvite(
  db: Db,
  inviter: Inviter,
  inviteId: string,
  ip: string | null = null,
): Promise<InviteResult> {
  return db.transaction(async (tx) => {
    const { invite, error } = await lockOwnPendingInvite(tx, inviter.workspaceId, inviteId);
    if (error) return error;
    if (invite.status === 'expired') {
      // Reviving it must not make a second pending invite when a newer one was sent since.
      await expireStale(tx, inviter.workspaceId, invite.email);
      const newer = await findPendingInvite(tx, inviter.workspaceId, invite.email);
      if (newer) return duplicateResult(newer.id);
    }
    await reissueInviteLink(tx, invite, inviter, {
      event: 'resent',
      actorId: inviter.userId,
      ip,
    });
    return { ok: true as const, inviteId };
  });
}

export async function changeInviteEmail(
  db: Db,
  inviter: Inviter,
  inviteId: string,
  email: string,
  ip: string | null = null,
): Promise<InviteResult> {
  try {
    return await db.transaction(async (tx) => {
      const { invite, error } = await lockOwnPendingInvite(tx, inviter.workspaceId, inviteId);
      if (error) return error;
      if (invite.email === email) {
        return {
          ok: false as const,
          reason: 'not-pending' as const,
          message: 'That is already the address of this invite.',
        };
      }
      await expireStale(tx, inviter.workspaceId, email);
      const other = await findPendingInvite(tx, inviter.workspaceId, email);
      if (other) return duplicateResult(other.id);
      await reissueInviteLink(tx, invite, inviter, {
        email,
        event: 'email_changed',
        actorId: inviter.userId,
        ip,
        detail: `${invite.email} → ${email}`,
      });
      return { ok: true as const, inviteId };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const other = await findPendingInvite(db, inviter.workspaceId, email);
    if (other) return duplicateResult(other.id);
    throw error;
  }
}

export async function revokeInvite(
  db: Db,
  inviter: Inviter,
  inviteId: string,
  ip: string | null = null,
): Promise<InviteResult> {
  return db.transaction(async (tx) => {
    const { invite, error } = await lockOwnPendingInvite(tx, inviter.workspaceId, inviteId);
    if (error) return error;
    await tx
      .update(invites)
      .set({ status: 'revoked', revokedAt: new Date(), updatedAt: new Date() })
      .where(eq(invites.id, invite.id));
    await tx
      .update(contracts)
      .set({ status: 'withdrawn', updatedAt: new Date() })
      .where(eq(contracts.inviteId, invite.id));
    await recordInviteEvent(tx, invite.id, 'revoked', inviter.userId);
    await recordAudit(tx, {
      actorId: inviter.userId,
      action: 'invite.revoked',
      targetType: 'invite',
      targetId: invite.id,
      ip,
      detail: `to ${invite.email}`,
    });
    return { ok: true as const, inviteId };
  });
}

/** Replaces the offer terms of a pending invite; the version goes up so a stale acceptance fails. */
export async function editOffer(
  db: Db,
  inviter: Inviter,
  inviteId: string,
  offer: OfferData,
): Promise<InviteResult> {
  return db.transaction(async (tx) => {
    const { invite, error } = await lockOwnPendingInvite(tx, inviter.workspaceId, inviteId, {
      allowActivated: true,
    });
    if (error) return error;
    const found = await findContractForInvite(tx, invite.id);
    if (!found || found.contract.status !== 'offered') {
      return {
        ok: false as const,
        reason: 'not-pending' as const,
        message: 'This offer can no longer be edited.',
      };
    }
    const terms = termsFromOffer(offer, found.contract.feeBps, found.contract.currency);
    await tx
      .update(contracts)
      .set({
        kind: terms.kind,
        title: terms.title,
        description: terms.description,
        startDate: terms.startDate,
        hourlyRateCents: terms.hourlyRateCents,
        weeklyLimitHours: terms.weeklyLimitHours,
        allowManualTime: terms.allowManualTime,
        version: sql`${contracts.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(contracts.id, found.contract.id));
    await tx.delete(milestones).where(eq(milestones.contractId, found.contract.id));
    if (terms.milestones.length > 0) {
      await tx.insert(milestones).values(
        terms.milestones.map((m, i) => ({
          contractId: found.contract.id,
          position: i + 1,
          description: m.description,
          amountCents: m.amountCents,
          currency: terms.currency,
          dueDate: m.dueDate,
        })),
      );
    }
    await recordInviteEvent(tx, invite.id, 'offer_edited', inviter.userId);
    return { ok: true as const, inviteId };
  });
}

export { findWorkspaceInvite };
