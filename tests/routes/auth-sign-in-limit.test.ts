import { jest } from '@jest/globals';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { emailOutbox } from '@/db/schema';
import { createTestDatabase } from '@/tests/helpers/db';
import { installRequestMocks } from '@/tests/helpers/request-context';

installRequestMocks();
jest.unstable_mockModule('@/lib/server/request', () => ({ clientIp: async () => '203.0.113.9' }));
const { GET, POST } = await import('@/app/api/auth/[...nextauth]/route');
const { SIGN_IN_LIMITS } = await import('@/lib/auth/service');
const { getEnv } = await import('@/lib/env');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const url = (path: string) => new URL(path, getEnv().APP_URL).toString();

async function csrf(): Promise<{ token: string; cookie: string }> {
  const response = await GET(new NextRequest(url('/api/auth/csrf')));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.includes('csrf-token'))!;
  return { token: csrfToken, cookie };
}

const sent = async (email: string) =>
  (await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email))).length;

// Auth.js's own "email me a link" endpoint, with a valid CSRF token, is a second way to ask
// for sign-in links: it must obey the same limits as the sign-in form.
describe('POST /api/auth/signin/email', () => {
  it('sends links up to the per-email limit, then answers 429 with Retry-After and sends nothing', async () => {
    const email = 'limit-me@example.com';
    const post = async () => {
      const { token, cookie } = await csrf();
      return POST(
        new NextRequest(url('/api/auth/signin/email'), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
          body: new URLSearchParams({ email, csrfToken: token }).toString(),
        }),
      );
    };
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.limit; i++) {
      expect((await post()).status).toBe(302);
    }
    expect(await sent(email)).toBe(SIGN_IN_LIMITS.perEmail.limit);

    const refused = await post();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toContain('Too many sign-in links were asked for');
    expect(await sent(email)).toBe(SIGN_IN_LIMITS.perEmail.limit);
  });
});
