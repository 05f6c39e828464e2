import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { sessions, users, verificationTokens } from '@/db/schema';
import { isRecentSignIn } from '@/lib/accounts/recent-sign-in';
import { now, useFakeClock } from '@/lib/clock';
import { getEnv } from '@/lib/env';
import { hashToken } from '@/lib/security/tokens';
import { createTestDatabase } from '@/tests/helpers/db';
import { createAuthAdapter } from './adapter';
import { checkSignInLinkLimits, confirmSignIn, createSession, SIGN_IN_LIMITS } from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

/** Stores a verification token the way Auth.js does: SHA-256(token + secret). */
async function issueLink(email: string, token: string, expires = new Date(Date.now() + 60_000)) {
  const hash = createHash('sha256').update(`${token}${getEnv().AUTH_SECRET}`).digest('hex');
  await database.db.insert(verificationTokens).values({ identifier: email, token: hash, expires });
}

describe('confirmSignIn', () => {
  it('creates a verified user and a session whose token is stored only as a hash', async () => {
    await issueLink('new@example.com', 'token-aaaaaaaaaaaa');
    const result = await confirmSignIn(database.db, {
      email: 'new@example.com',
      token: 'token-aaaaaaaaaaaa',
    });
    if (!result.ok) throw new Error('expected success');
    expect(result.user.emailVerified).toBeInstanceOf(Date);
    const stored = await database.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, result.user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0].sessionToken).toBe(hashToken(result.session.token));
    expect(stored[0].sessionToken).not.toBe(result.session.token);
  });

  it('works once: a second use of the same link fails', async () => {
    await issueLink('once@example.com', 'token-bbbbbbbbbbbb');
    const input = { email: 'once@example.com', token: 'token-bbbbbbbbbbbb' };
    expect((await confirmSignIn(database.db, input)).ok).toBe(true);
    expect(await confirmSignIn(database.db, input)).toEqual({
      ok: false,
      reason: 'invalid-or-used',
    });
  });

  it('refuses an expired link and a link for another address', async () => {
    await issueLink('late@example.com', 'token-cccccccccccc', new Date(Date.now() - 1000));
    expect(
      await confirmSignIn(database.db, { email: 'late@example.com', token: 'token-cccccccccccc' }),
    ).toEqual({
      ok: false,
      reason: 'expired',
    });
    await issueLink('owner@example.com', 'token-dddddddddddd');
    expect(
      await confirmSignIn(database.db, { email: 'thief@example.com', token: 'token-dddddddddddd' }),
    ).toEqual({ ok: false, reason: 'invalid-or-used' });
  });

  it('signs an existing account in without creating a second one', async () => {
    await issueLink('twice@example.com', 'token-eeeeeeeeeeee');
    await issueLink('twice@example.com', 'token-ffffffffffff');
    const first = await confirmSignIn(database.db, {
      email: 'twice@example.com',
      token: 'token-eeeeeeeeeeee',
    });
    const second = await confirmSignIn(database.db, {
      email: 'twice@example.com',
      token: 'token-ffffffffffff',
    });
    if (!first.ok || !second.ok) throw new Error('expected success');
    expect(second.user.id).toBe(first.user.id);
    expect(
      await database.db.select().from(users).where(eq(users.email, 'twice@example.com')),
    ).toHaveLength(1);
  });
});

describe('the Auth.js adapter', () => {
  it('finds a session by the cookie value and deletes it on sign-out', async () => {
    const [user] = await database.db
      .insert(users)
      .values({ email: 'adapter@example.com' })
      .returning();
    const session = await createSession(database.db, user.id);
    const adapter = createAuthAdapter(database.db);
    const found = await adapter.getSessionAndUser!(session.token);
    expect(found?.user.email).toBe('adapter@example.com');
    expect(await adapter.getSessionAndUser!(hashToken(session.token))).toBeNull();
    await adapter.deleteSession!(session.token);
    expect(await adapter.getSessionAndUser!(session.token)).toBeNull();
  });
});

describe('createSession', () => {
  it("stamps the sign-in with the app's clock, so a moved clock still sees it as recent", async () => {
    const [user] = await database.db
      .insert(users)
      .values({ email: 'moved-clock@example.com' })
      .returning();
    const clock = useFakeClock(new Date(Date.now() + 13 * 24 * 60 * 60_000));
    try {
      const session = await createSession(database.db, user.id);
      const [row] = await database.db
        .select({ createdAt: sessions.createdAt })
        .from(sessions)
        .where(eq(sessions.sessionToken, hashToken(session.token)));
      expect(row.createdAt.getTime()).toBe(clock.now().getTime());
      expect(isRecentSignIn(row.createdAt, now())).toBe(true);
    } finally {
      clock.restore();
    }
  });
});

describe('sign-in link limits', () => {
  it('answers the same for a known and an unknown email, then limits both alike', async () => {
    await database.db.insert(users).values({ email: 'known@example.com' });
    const outcomes: boolean[][] = [[], []];
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.limit + 1; i++) {
      outcomes[0].push(
        (await checkSignInLinkLimits(database.db, 'known@example.com', '10.0.0.1')).ok,
      );
      outcomes[1].push(
        (await checkSignInLinkLimits(database.db, 'unknown@example.com', '10.0.0.2')).ok,
      );
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(outcomes[0].at(-1)).toBe(false);
    expect(outcomes[0].slice(0, -1).every(Boolean)).toBe(true);
    const blocked = await checkSignInLinkLimits(database.db, 'known@example.com', '10.0.0.1');
    expect(blocked.ok ? '' : blocked.message).toMatch(/Too many sign-in links.*try again in/);
  });
});
