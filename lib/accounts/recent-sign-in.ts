import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { sessions } from '@/db/schema';
import { now } from '@/lib/clock';
import { hashToken } from '@/lib/security/tokens';

/** Sensitive changes (payout methods, the account email) want a sign-in at most this old. */
export const RECENT_SIGN_IN_MINUTES = 30;

/** Who asks for a change, as a service sees them; signedInAt is the current session's sign-in. */
export type Actor = { userId: string; email: string; signedInAt: Date | null; ip?: string | null };

/**
 * When this browser's session was opened. A session row is created at sign-in and Auth.js
 * only ever moves its expiry, so createdAt is the sign-in time. The cookie holds the raw
 * token; the table holds its hash (lib/auth/adapter.ts).
 */
export async function findSessionSignedInAt(
  db: DbOrTx,
  userId: string,
  sessionToken: string | undefined,
): Promise<Date | null> {
  if (!sessionToken) return null;
  const [row] = await db
    .select({ createdAt: sessions.createdAt })
    .from(sessions)
    .where(and(eq(sessions.sessionToken, hashToken(sessionToken)), eq(sessions.userId, userId)));
  return row?.createdAt ?? null;
}

export function isRecentSignIn(signedInAt: Date | null, at: Date = now()): boolean {
  if (!signedInAt) return false;
  return at.getTime() - signedInAt.getTime() <= RECENT_SIGN_IN_MINUTES * 60_000;
}

/** The refusal of a change that wants a recent sign-in; `change` names it ("changing …"). */
export function recentSignInMessage(change: string): string {
  return `For your security, ${change} needs a sign-in from the last ${RECENT_SIGN_IN_MINUTES} minutes. Sign out, sign in again with a new link, then come back here.`;
}
