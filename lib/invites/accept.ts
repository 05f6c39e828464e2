import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contracts, freelancerProfiles, invites, users } from '@/db/schema';
import { upsertVerifiedUser, type User } from '@/lib/accounts/queries';
import { recordAuditEntries } from '@/lib/audit/log';
import { now } from '@/lib/clock';
import { createSession, type NewSession } from '@/lib/auth/service';
import { recordInviteEvent } from './queries';
import { findInviteByToken, isCurrentLinkOf } from './tokens';

export type JoinResult =
  | { ok: true; user: User; session: NewSession; inviteId: string }
  | { ok: false; reason: 'invalid' | 'wrong-account' };

class Rollback extends Error {
  constructor(public readonly reason: 'invalid' | 'wrong-account') {
    super(reason);
  }
}

/**
 * The click on "Continue" of an invite link: the freelancer *joins* (the contract is
 * accepted later, on its own page). One guarded UPDATE consumes the token (pending, not
 * expired, the current link); in the same transaction the invited email's user is found or
 * created (verified: the click proves the mailbox), the invite and its offer are attached,
 * and a database session is opened; the audit log records the joining and the sign-in.
 * Ten concurrent clicks give one acceptance.
 *
 * `signedInUserId`: who is signed in on this browser, if anyone. Someone else's account
 * never receives the invite. `ip`: the browser's address, for the audit log.
 */
export async function joinFromInvite(
  db: Db,
  token: string,
  options: { signedInUserId?: string | null; ip?: string | null } = {},
): Promise<JoinResult> {
  try {
    return await db.transaction(async (tx) => {
      const link = await findInviteByToken(tx, token);
      if (!link || link.supersededAt) throw new Rollback('invalid');
      const user = await upsertVerifiedUser(tx, link.invite.email);
      if (options.signedInUserId && options.signedInUserId !== user.id)
        throw new Rollback('wrong-account');
      // Waits for a re-send of this invite running at the same time, so that the guard
      // below (a statement of its own) sees whether that re-send superseded this link.
      await tx
        .select({ id: invites.id })
        .from(invites)
        .where(eq(invites.id, link.invite.id))
        .for('update');
      const [invite] = await tx
        .update(invites)
        .set({
          status: 'joined',
          joinedAt: now(),
          joinedById: user.id,
          updatedAt: now(),
        })
        .where(
          and(
            eq(invites.id, link.invite.id),
            eq(invites.status, 'pending'),
            gt(invites.expiresAt, sql`now()`),
            isCurrentLinkOf(token),
          ),
        )
        .returning({ id: invites.id, firstName: invites.firstName, lastName: invites.lastName });
      if (!invite) throw new Rollback('invalid');
      await tx
        .update(contracts)
        .set({ freelancerId: user.id, updatedAt: now() })
        .where(eq(contracts.inviteId, invite.id));
      await tx
        .insert(freelancerProfiles)
        .values({ userId: user.id, firstName: invite.firstName, lastName: invite.lastName })
        .onConflictDoNothing();
      await tx.update(users).set({ activeSide: 'freelancer' }).where(eq(users.id, user.id));
      await recordInviteEvent(tx, { inviteId: invite.id, type: 'joined', actorId: user.id });
      const session = await createSession(tx, user.id);
      const ip = options.ip ?? null;
      await recordAuditEntries(tx, [
        {
          actorId: user.id,
          action: 'invite.joined',
          targetType: 'invite',
          targetId: invite.id,
          ip,
        },
        {
          actorId: user.id,
          action: 'auth.sign_in',
          targetType: 'user',
          targetId: user.id,
          ip,
          detail: 'Invite link',
        },
      ]);
      return { ok: true as const, user, session, inviteId: invite.id };
    });
  } catch (error) {
    if (error instanceof Rollback) return { ok: false, reason: error.reason };
    throw error;
  }
}
