import { createHash } from 'node:crypto';
import { jest } from '@jest/globals';
import { and, desc, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { auditLog, emailOutbox, sessions, users, verificationTokens } from '@/db/schema';
import { hashToken } from '@/lib/security/tokens';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  currentSessionCookie,
  installRequestMocks,
  startRequest,
} from '@/tests/helpers/request-context';

installRequestMocks();
jest.unstable_mockModule('@/lib/server/request', () => ({ clientIp: async () => '203.0.113.21' }));
const { GET, POST } = await import('@/app/api/auth/[...nextauth]/route');
const { confirmSignInAction } = await import('@/app/(auth)/sign-in/actions');
const { extractLinks } = await import('@/lib/email/mailbox');
const { getEnv } = await import('@/lib/env');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;
const url = (path: string) => new URL(path, getEnv().APP_URL).toString();

/** Asks for a link the way a browser does (Auth.js's endpoint, with its CSRF pair). */
async function requestLink(email: string): Promise<{ token: string; email: string }> {
  const csrfResponse = await GET(new NextRequest(url('/api/auth/csrf')));
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const cookie = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.includes('csrf-token'))!;
  const response = await POST(
    new NextRequest(url('/api/auth/signin/email'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ email, csrfToken }).toString(),
    }),
  );
  expect(response.status).toBe(302);
  const [message] = await database.db
    .select({ html: emailOutbox.html })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, email))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  const link = extractLinks(message.html ?? '').find((href) => href.includes('/sign-in/confirm'));
  if (!link) throw new Error(`no sign-in link in the email to ${email}`);
  const params = new URL(link).searchParams;
  return { token: params.get('token')!, email: params.get('email')! };
}

const storedTokens = (email: string) =>
  database.db.select().from(verificationTokens).where(eq(verificationTokens.identifier, email));

/** Presses "Sign in" on the confirmation page; the redirect target, or the refusal. */
async function pressSignIn(link: { token: string; email: string }) {
  startRequest(null);
  const form = new FormData();
  form.set('token', link.token);
  form.set('email', link.email);
  try {
    return { returned: await confirmSignInAction(null, form) };
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    if (!digest.startsWith('NEXT_REDIRECT;')) throw error;
    return { redirectedTo: digest.split(';')[2] };
  }
}

async function signInAudits(email: string) {
  const [user] = await database.db.select().from(users).where(eq(users.email, email));
  if (!user) return [];
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, 'auth.sign_in')));
}

afterEach(() => jest.restoreAllMocks());

describe('a sign-in link', () => {
  it('is stored with an expiry 15 minutes after it was asked for', async () => {
    const before = Date.now();
    const link = await requestLink('fifteen@example.com');
    const after = Date.now();
    const stored = await storedTokens('fifteen@example.com');
    expect(stored).toHaveLength(1);
    // The emailed token is the stored one (Auth.js keeps SHA-256(token + secret)).
    expect(stored[0].token).toBe(
      createHash('sha256').update(`${link.token}${getEnv().AUTH_SECRET}`).digest('hex'),
    );
    expect(stored[0].expires.getTime()).toBeGreaterThanOrEqual(before + FIFTEEN_MINUTES_MS);
    expect(stored[0].expires.getTime()).toBeLessThanOrEqual(after + FIFTEEN_MINUTES_MS);
  });

  it('signs in 14 minutes after it was asked for, and is refused once 15 minutes have passed', async () => {
    const askedAt = Date.now();
    const fresh = await requestLink('in-time@example.com');
    const late = await requestLink('too-late@example.com');
    const lateIssuedBy = Date.now();

    jest.spyOn(Date, 'now').mockReturnValue(askedAt + 14 * 60 * 1000);
    expect(await pressSignIn(fresh)).toEqual({ redirectedTo: '/welcome' });

    jest.spyOn(Date, 'now').mockReturnValue(lateIssuedBy + FIFTEEN_MINUTES_MS + 1000);
    const refused = await pressSignIn(late);
    expect(refused.returned).toMatchObject({
      ok: false,
      message: expect.stringMatching(/expired/),
    });
    expect(currentSessionCookie()).toBeUndefined();
    expect(
      await database.db.select().from(users).where(eq(users.email, 'too-late@example.com')),
    ).toHaveLength(0);
  });
});

// Auth.js's own callback signs in on a GET of /api/auth/callback/email?token=…&email=…, which
// a mail scanner could fetch; the emailed link goes to our confirmation page instead, and the
// callback must not be a way round it (nor round its audit log entry).
describe('Auth.js email callback', () => {
  it('redirects a GET to the confirmation page and leaves the link unused', async () => {
    const link = await requestLink('scanner@example.com');
    const query = new URLSearchParams({ ...link, callbackUrl: '/welcome' }).toString();
    // The Host of the request is never used for the redirect: APP_URL is.
    const response = await GET(
      new NextRequest(`https://evil.example/api/auth/callback/email?${query}`),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(url(`/sign-in/confirm?${query}`));
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await storedTokens(link.email)).toHaveLength(1);
    expect(await database.db.select().from(users).where(eq(users.email, link.email))).toHaveLength(
      0,
    );

    // The confirmation page still signs in with the same link, once, and audits it.
    expect(await pressSignIn(link)).toEqual({ redirectedTo: '/welcome' });
    const token = currentSessionCookie();
    expect(token).toBeDefined();
    expect(await storedTokens(link.email)).toHaveLength(0);
    expect(await signInAudits(link.email)).toHaveLength(1);
    const [session] = await database.db
      .select({ email: users.email })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.sessionToken, hashToken(token!)));
    expect(session?.email).toBe(link.email);
  });

  it('does the same for a POST, which Auth.js would also accept without a CSRF token', async () => {
    const link = await requestLink('posted@example.com');
    const query = new URLSearchParams(link).toString();
    const response = await POST(
      new NextRequest(url(`/api/auth/callback/email?${query}`), { method: 'POST' }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(url(`/sign-in/confirm?${query}`));
    expect(await storedTokens(link.email)).toHaveLength(1);
    expect(await signInAudits(link.email)).toHaveLength(0);
  });
});
