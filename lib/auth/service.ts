import { and, eq } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Db, DbOrTx } from '@/db/client';
import { auditLog, sessions, verificationTokens } from '@/db/schema';
import { upsertVerifiedUser, type User } from '@/lib/accounts/queries';
import { now } from '@/lib/clock';
import { getEnv } from '@/lib/env';
import { describeWait, hitRateLimit } from '@/lib/security/rate-limit';
import { generateToken, hashToken } from '@/lib/security/tokens';
import { SESSION_MAX_AGE_SECONDS } from './constants';

export type NewSession = { token: string; expires: Date };

/**
 * A database session for the user; only the token's hash is stored. Its createdAt is the
 * sign-in's time, which the "signed in within 30 minutes" rules compare with now(): it is
 * stamped by the app's clock, not the database's, or a moved clock makes every sign-in stale.
 */
export async function createSession(db: DbOrTx, userId: string): Promise<NewSession> {
  const token = generateToken();
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await db
    .insert(sessions)
    .values({ sessionToken: hashToken(token), userId, expires, createdAt: now() });
  return { token, expires };
}

export async function deleteSessionByToken(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.sessionToken, hashToken(token)));
}

export const SIGN_IN_LIMITS = {
  perEmail: { limit: 5, windowSeconds: 15 * 60 },
  perIp: { limit: 30, windowSeconds: 15 * 60 },
};

/** Limits for sign-in links; the same answer whether or not the email has an account. */
export async function checkSignInLinkLimits(
  db: DbOrTx,
  email: string,
  ip: string,
): Promise<{ ok: true } | { ok: false; message: string; retryAfterSeconds: number }> {
  const byEmail = await hitRateLimit(
    db,
    `sign-in:email:${hashToken(email)}`,
    SIGN_IN_LIMITS.perEmail.limit,
    SIGN_IN_LIMITS.perEmail.windowSeconds,
  );
  const byIp = await hitRateLimit(
    db,
    `sign-in:ip:${ip}`,
    SIGN_IN_LIMITS.perIp.limit,
    SIGN_IN_LIMITS.perIp.windowSeconds,
  );
  const blocked = [byEmail, byIp].find((r) => !r.allowed);
  if (!blocked || blocked.allowed) return { ok: true };
  return {
    ok: false,
    retryAfterSeconds: blocked.retryAfterSeconds,
    message: `Too many sign-in links were asked for. Please try again in ${describeWait(blocked.retryAfterSeconds)}.`,
  };
}

/** Auth.js stores SHA-256(token + secret) for email verification tokens. */
function verificationTokenHash(token: string): string {
  return createHash('sha256').update(`${token}${getEnv().AUTH_SECRET}`).digest('hex');
}

export type ConfirmSignInResult =
  | { ok: true; user: User; session: NewSession }
  | { ok: false; reason: 'invalid-or-used' | 'expired' };

/**
 * Consumes a sign-in link (one DELETE … RETURNING, so a link works once), then finds or
 * creates the verified user and opens a session, in one transaction.
 */
export async function confirmSignIn(
  db: Db,
  input: { email: string; token: string; ip?: string },
): Promise<ConfirmSignInResult> {
  return db.transaction(async (tx) => {
    const [consumed] = await tx
      .delete(verificationTokens)
      .where(
        and(
          eq(verificationTokens.identifier, input.email),
          eq(verificationTokens.token, verificationTokenHash(input.token)),
        ),
      )
      .returning({ expires: verificationTokens.expires });
    if (!consumed) return { ok: false as const, reason: 'invalid-or-used' as const };
    if (consumed.expires.getTime() < Date.now()) {
      return { ok: false as const, reason: 'expired' as const };
    }
    const user = await upsertVerifiedUser(tx, input.email);
    const session = await createSession(tx, user.id);
    await tx.insert(auditLog).values({
      actorId: user.id,
      action: 'auth.sign_in',
      targetType: 'user',
      targetId: user.id,
      ip: input.ip ?? null,
    });
    return { ok: true as const, user, session };
  });
}
