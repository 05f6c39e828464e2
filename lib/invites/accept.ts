import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contracts, freelancerProfiles, invites, users } from '@/db/schema';
import { upsertVerifiedUser, type User } from '@/lib/accounts/queries';
import { recordAuditEntries } from '@/lib/audit/log';
import { createSession, type NewSession } from '@/lib/auth/service';
import { hashToken } from '@/lib/security/tokens';
import { recordInviteEvent } from './queries';

export type ActivateResult =
  | { ok: true; user: User; session: NewSession; inviteId: string }
  | { ok: false; reason: 'invalid' | 'wrong-account' };

class Rollback extends Error {
  constructor(public readonly reason: 'invalid' | 'wrong-account') {
    super(reason);
  }
}

/**
 * The click on "Continue" of an invite link. One guarded UPDATE consumes the token (pending,
 * not expired, current); in the same transaction the invited email's user is found or
 * created (verified: the click proves the mailbox), the invite and its offer are attached,
 * and a database session is opened; the audit log records the acceptance and the sign-in.
 * Ten concurrent clicks give one acceptance.
 *
 * `signedInUserId`: who is signed in on this browser, if anyone. Someone else's account
 * never receives the invite. `ip`: the browser's address, for the audit log.
 */
export async function activateFromInvite(
  db: Db,
  token: string,
  options: { signedInUserId?: string | null; ip?: string | null } = {},
): Promise<ActivateResult> {
  const tokenHash = hashToken(token);
  try {
    return await db.transaction(async (tx) => {
      const [target] = await tx
        .select({ email: invites.email })
        .from(invites)
        .where(eq(invites.tokenHash, tokenHash));
      if (!target) throw new Rollback('invalid');
      const user = await upsertVerifiedUser(tx, target.email);
      if (options.signedInUserId && options.signedInUserId !== user.id)
        throw new Rollback('wrong-account');
      const [invite] = await tx
        .update(invites)
        .set({
          status: 'accepted',
          acceptedAt: new Date(),
          acceptedById: user.id,
          updatedAt: new Date(),
        })
        .where(
          and(
            eq(invites.tokenHash, tokenHash),
            eq(invites.status, 'pending'),
            gt(invites.expiresAt, sql`now()`),
          ),
        )
        .returning({ id: invites.id, firstName: invites.firstName, lastName: invites.lastName });
      if (!invite) throw new Rollback('invalid');
      await tx
        .update(contracts)
        .set({ freelancerId: user.id, updatedAt: new Date() })
        .where(eq(contracts.inviteId, invite.id));
      await tx
        .insert(freelancerProfiles)
        .values({ userId: user.id, firstName: invite.firstName, lastName: invite.lastName })
        .onConflictDoNothing();
      await tx.update(users).set({ activeSide: 'freelancer' }).where(eq(users.id, user.id));
      await recordInviteEvent(tx, { inviteId: invite.id, type: 'activated', actorId: user.id });
      const session = await createSession(tx, user.id);
      const ip = options.ip ?? null;
      await recordAuditEntries(tx, [
        {
          actorId: user.id,
          action: 'invite.accepted',
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
