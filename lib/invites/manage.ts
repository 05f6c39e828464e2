import type { Inviter } from '@/lib/accounts/inviter';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { contracts, invites, milestones } from '@/db/schema';
import { findUserById } from '@/lib/accounts/queries';
import { recordAudit, type AuditAction } from '@/lib/audit/log';
import { enqueueInvitationEmail, enqueueOfferChangedEmail } from './emails';
import {
  findContractForInvite,
  findWorkspaceInvite,
  recordInviteEvent,
  type Invite,
} from './queries';
import type { OfferData } from './schemas';
import { lockWorkspaceForInvites, refuseOverLimit, type SendRefusal } from './send-limits';
import {
  duplicateResult,
  expireStale,
  findPendingInvite,
  inviteExpiry,
  isUniqueViolation,
  loadTerms,
  termsFromOffer,
  type InviteResult,
} from './service';
import { issueNewLink } from './tokens';

/*
 * What a client does to an invite already sent (resend, change the address, revoke, edit
 * the offer) and the fresh link an invitee asks for: each in one transaction, on an invite
 * of the client's own workspace only.
 */

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
 * Used by resend, change of email and the invitee's "email me a fresh link"; each counts
 * against the invite's and the workspace's daily sends, and nothing is written past them.
 */
export async function reissueInviteLink(
  tx: Tx,
  options: {
    invite: Invite;
    inviter: Inviter;
    email?: string;
    event: 'resent' | 'email_changed' | 'fresh_link_requested';
    actorId: string | null;
    ip: string | null;
    detail?: string;
  },
): Promise<SendRefusal | undefined> {
  const { invite, inviter } = options;
  const refusal = await refuseOverLimit(tx, invite);
  if (refusal) return refusal;
  const token = await issueNewLink(tx, invite.id);
  const expiresAt = inviteExpiry();
  const email = options.email ?? invite.email;
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
      expiresAt,
      email,
      status: 'pending',
      lastOutboxId: outboxId,
      deliveryEvent: null,
      reminderSentAt: null,
      updatedAt: new Date(),
    })
    .where(eq(invites.id, invite.id));
  await recordInviteEvent(tx, {
    inviteId: invite.id,
    type: options.event,
    actorId: options.actorId,
    detail: options.detail,
  });
  const audit = REISSUE_AUDIT[options.event];
  await recordAudit(tx, {
    actorId: options.actorId,
    action: audit.action,
    targetType: 'invite',
    targetId: invite.id,
    ip: options.ip,
    detail: audit.detail(invite.email, email),
  });
  return undefined;
}

/** A pending (not accepted, declined or revoked) invite of this workspace, locked for update. */
export async function lockOwnPendingInvite(
  tx: Tx,
  {
    workspaceId,
    inviteId,
    allowJoined = false,
  }: { workspaceId: string; inviteId: string; allowJoined?: boolean },
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
  // The offer stays editable after the freelancer joined, until they decide on it.
  const joined = allowJoined && invite.status === 'joined';
  if (invite.status !== 'pending' && invite.status !== 'expired' && !joined) {
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
  { inviter, inviteId, ip = null }: { inviter: Inviter; inviteId: string; ip?: string | null },
): Promise<InviteResult> {
  return db.transaction(async (tx) => {
    await lockWorkspaceForInvites(tx, inviter.workspaceId);
    const { invite, error } = await lockOwnPendingInvite(tx, {
      workspaceId: inviter.workspaceId,
      inviteId,
    });
    if (error) return error;
    // Before anything is written: a refusal changes nothing.
    const overLimit = await refuseOverLimit(tx, invite);
    if (overLimit) return overLimit;
    if (invite.status === 'expired') {
      // Reviving it must not make a second pending invite when a newer one was sent since.
      await expireStale(tx, inviter.workspaceId, invite.email);
      const newer = await findPendingInvite(tx, inviter.workspaceId, invite.email);
      if (newer) return duplicateResult(newer.id);
    }
    const refusal = await reissueInviteLink(tx, {
      invite,
      inviter,
      event: 'resent',
      actorId: inviter.userId,
      ip,
    });
    return refusal ?? { ok: true as const, inviteId };
  });
}

export async function changeInviteEmail(
  db: Db,
  {
    inviter,
    inviteId,
    email,
    ip = null,
  }: { inviter: Inviter; inviteId: string; email: string; ip?: string | null },
): Promise<InviteResult> {
  try {
    return await db.transaction(async (tx) => {
      await lockWorkspaceForInvites(tx, inviter.workspaceId);
      const { invite, error } = await lockOwnPendingInvite(tx, {
        workspaceId: inviter.workspaceId,
        inviteId,
      });
      if (error) return error;
      const overLimit = await refuseOverLimit(tx, invite);
      if (overLimit) return overLimit;
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
      const refusal = await reissueInviteLink(tx, {
        invite,
        inviter,
        email,
        event: 'email_changed',
        actorId: inviter.userId,
        ip,
        detail: `${invite.email} → ${email}`,
      });
      return refusal ?? { ok: true as const, inviteId };
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
  { inviter, inviteId, ip = null }: { inviter: Inviter; inviteId: string; ip?: string | null },
): Promise<InviteResult> {
  return db.transaction(async (tx) => {
    const { invite, error } = await lockOwnPendingInvite(tx, {
      workspaceId: inviter.workspaceId,
      inviteId,
    });
    if (error) return error;
    await tx
      .update(invites)
      .set({ status: 'revoked', revokedAt: new Date(), updatedAt: new Date() })
      .where(eq(invites.id, invite.id));
    await tx
      .update(contracts)
      .set({ status: 'withdrawn', updatedAt: new Date() })
      .where(eq(contracts.inviteId, invite.id));
    await recordInviteEvent(tx, { inviteId: invite.id, type: 'revoked', actorId: inviter.userId });
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

/**
 * Replaces the offer terms of a pending invite; the version goes up so a stale acceptance
 * fails. A freelancer who already joined is emailed to review it again (one who has not
 * sees the new terms when they open their link).
 */
export async function editOffer(
  db: Db,
  { inviter, inviteId, offer }: { inviter: Inviter; inviteId: string; offer: OfferData },
): Promise<InviteResult> {
  return db.transaction(async (tx) => {
    const { invite, error } = await lockOwnPendingInvite(tx, {
      workspaceId: inviter.workspaceId,
      inviteId,
      allowJoined: true,
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
    await recordInviteEvent(tx, {
      inviteId: invite.id,
      type: 'offer_edited',
      actorId: inviter.userId,
    });
    const freelancer = found.contract.freelancerId
      ? await findUserById(tx, found.contract.freelancerId)
      : undefined;
    if (freelancer) {
      await enqueueOfferChangedEmail(tx, {
        to: freelancer.email,
        contractId: found.contract.id,
        freelancerFirstName: invite.firstName,
        inviterName: inviter.name,
        workspaceName: inviter.workspaceName,
        offerTitle: terms.title,
      });
    }
    return { ok: true as const, inviteId };
  });
}

export { findWorkspaceInvite };
