import { eq } from 'drizzle-orm';
import { getDatabase } from '@/db';
import { sessions } from '@/db/schema';
import { upsertVerifiedUser } from '@/lib/accounts/queries';
import { createSession } from '@/lib/auth/service';
import { setSessionCookie } from '@/lib/auth/session';
import { hashToken } from '@/lib/security/tokens';
import { NOT_FOUND, readJson, testHooksEnabled } from '@/lib/test-hooks/guard';
import { sessionRequestSchema } from '@/lib/test-hooks/schemas';

/**
 * Test runs only (E2E_TEST_HOOKS): signs this browser in as `email` without the mailbox, as
 * following a sign-in link would (the account is made if it is new), with a database session
 * whose sign-in was `signedInMinutesAgo` minutes ago.
 */
export async function POST(request: Request) {
  if (!testHooksEnabled()) return NOT_FOUND();
  const body = await readJson(request, sessionRequestSchema);
  if (!body.ok) return body.response;
  const { db } = await getDatabase();
  const user = await upsertVerifiedUser(db, body.data.email);
  const session = await createSession(db, user.id);
  if (body.data.signedInMinutesAgo > 0) {
    await db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - body.data.signedInMinutesAgo * 60_000) })
      .where(eq(sessions.sessionToken, hashToken(session.token)));
  }
  await setSessionCookie(session);
  return Response.json({ userId: user.id });
}
