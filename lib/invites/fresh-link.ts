import type { Db } from '@/db/client';
import type { Inviter } from '@/lib/accounts/inviter';
import { hashToken } from '@/lib/security/tokens';
import { describeWait, hitRateLimit } from '@/lib/security/rate-limit';
import { resolveInviteLink } from './landing';
import { lockOwnPendingInvite, reissueInviteLink } from './manage';
import { describeRetryAt } from './send-limits';

export const FRESH_LINK_LIMITS = {
  perInvite: { limit: 3, windowSeconds: 24 * 60 * 60 },
  perIp: { limit: 20, windowSeconds: 60 * 60 },
};

export type FreshLinkResult =
  | { ok: true }
  | { ok: false; reason: 'not-expired' | 'unavailable' }
  | { ok: false; reason: 'rate-limited'; message: string; retryAfterSeconds: number };

/**
 * "Email me a fresh link" from an expired link: only while the client has not revoked the
 * invite; limited per invite and per address. The new link goes to the invited address
 * (never one typed here), and the client's timeline shows the request.
 */
export async function requestFreshInviteLink(
  db: Db,
  token: string,
  ip: string,
): Promise<FreshLinkResult> {
  const state = await resolveInviteLink(db, token);
  if (state.kind === 'open') return { ok: false, reason: 'not-expired' };
  if (state.kind !== 'expired') return { ok: false, reason: 'unavailable' };
  for (const [key, rule] of [
    [`fresh-link:invite:${state.invite.id}`, FRESH_LINK_LIMITS.perInvite],
    [`fresh-link:ip:${hashToken(ip)}`, FRESH_LINK_LIMITS.perIp],
  ] as const) {
    const hit = await hitRateLimit(db, key, rule.limit, rule.windowSeconds);
    if (!hit.allowed) {
      return {
        ok: false,
        reason: 'rate-limited',
        retryAfterSeconds: hit.retryAfterSeconds,
        message: `A fresh link was asked for too often. Please try again in ${describeWait(hit.retryAfterSeconds)}.`,
      };
    }
  }
  const inviter: Inviter = {
    userId: state.invite.invitedById,
    name: state.inviterName,
    workspaceId: state.invite.workspaceId,
    workspaceName: state.workspaceName,
  };
  // The link was read outside the transaction: a revoke or a join may have landed since.
  const refusal = await db.transaction(async (tx) => {
    const locked = await lockOwnPendingInvite(tx, {
      workspaceId: state.invite.workspaceId,
      inviteId: state.invite.id,
    });
    if (!locked.invite) return 'unavailable' as const;
    return reissueInviteLink(tx, {
      invite: locked.invite,
      inviter,
      event: 'fresh_link_requested',
      actorId: null,
      ip,
    });
  });
  if (refusal === 'unavailable') return { ok: false, reason: 'unavailable' };
  if (refusal) {
    // The invitee learns when to try again, not how busy the client's workspace is.
    return {
      ok: false,
      reason: 'rate-limited',
      retryAfterSeconds: Math.max(1, Math.ceil((refusal.retryAt.getTime() - Date.now()) / 1000)),
      message: `A fresh link cannot be sent right now. Please try again ${describeRetryAt(refusal.retryAt)}.`,
    };
  }
  return { ok: true };
}
