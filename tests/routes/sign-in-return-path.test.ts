import { desc, eq } from 'drizzle-orm';
import { emailOutbox } from '@/db/schema';
import { RETURN_PATH_HEADER } from '@/lib/auth/constants';
import { createTestDatabase } from '@/tests/helpers/db';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';

/**
 * Issue 19.10: a deep link (/onboarding/compliance) was lost through sign-in, and ops landed
 * on "hire or work?" instead of the review queue.
 */
installRequestMocks();
const { confirmSignInAction, requestSignInLinkAction } =
  await import('@/app/(auth)/sign-in/actions');
const { requireViewer } = await import('@/lib/auth/session');
const { extractLinks } = await import('@/lib/email/mailbox');
const { resetEnvCache } = await import('@/lib/env');

const OPS = 'ops-return@example.com';
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  process.env.ADMIN_EMAILS = OPS;
  resetEnvCache();
  database = await createTestDatabase();
});
afterAll(async () => {
  delete process.env.ADMIN_EMAILS;
  resetEnvCache();
  await database.dispose();
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

/** Runs an action or page helper; where it redirected, or what it returned. */
async function outcome(run: () => Promise<unknown>) {
  try {
    return { returned: await run() };
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    if (!digest.startsWith('NEXT_REDIRECT;')) throw error;
    return { redirectedTo: digest.split(';')[2] };
  }
}

/** Asks for a link on the sign-in form (with `next` if given); the emailed link. */
async function emailedLink(email: string, next?: string): Promise<URL> {
  startRequest(null);
  expect(
    await outcome(() =>
      requestSignInLinkAction(null, form({ email, ...(next === undefined ? {} : { next }) })),
    ),
  ).toEqual({ redirectedTo: '/sign-in/check-email' });
  const [message] = await database.db
    .select({ html: emailOutbox.html })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, email))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  const link = extractLinks(message.html ?? '').find((href) => href.includes('/sign-in/confirm'));
  if (!link) throw new Error(`no sign-in link in the email to ${email}`);
  return new URL(link);
}

/** Presses "Sign in" on the page the link opens, with what that page put in the form. */
function pressSignIn(link: URL) {
  startRequest(null);
  const fields: Record<string, string> = {};
  for (const [name, value] of link.searchParams) fields[name] = value;
  return outcome(() => confirmSignInAction(null, form(fields)));
}

describe('a page of the signed-in area, opened signed out', () => {
  it('sends the visitor to sign in with the page to come back to', async () => {
    startRequest(null, { [RETURN_PATH_HEADER]: '/onboarding/compliance' });
    expect(await outcome(() => requireViewer())).toEqual({
      redirectedTo: '/sign-in?next=%2Fonboarding%2Fcompliance',
    });
    startRequest(null, { [RETURN_PATH_HEADER]: '//evil.example/phish' });
    expect(await outcome(() => requireViewer())).toEqual({ redirectedTo: '/sign-in' });
  });
});

describe('the page to return to, through the sign-in email', () => {
  it('rides in the link and is where the button lands', async () => {
    const link = await emailedLink('deep-link@example.com', '/onboarding/compliance');
    expect(link.searchParams.get('next')).toBe('/onboarding/compliance');
    expect(await pressSignIn(link)).toEqual({ redirectedTo: '/onboarding/compliance' });
  });

  it.each(['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)'])(
    'is dropped when it names another site (%s)',
    async (next) => {
      const email = `elsewhere-${Math.random().toString(36).slice(2)}@example.com`;
      const link = await emailedLink(email, next);
      expect(link.searchParams.has('next')).toBe(false);
      // A hand-made confirmation link is checked again when the button is pressed.
      link.searchParams.set('next', next);
      expect(await pressSignIn(link)).toEqual({ redirectedTo: '/welcome' });
    },
  );

  it('is left out when the form names none: the person lands at home', async () => {
    const link = await emailedLink('plain@example.com');
    expect(link.searchParams.has('next')).toBe(false);
    expect(await pressSignIn(link)).toEqual({ redirectedTo: '/welcome' });
  });
});

describe('ops signing in', () => {
  it('lands on the compliance review queue', async () => {
    expect(await pressSignIn(await emailedLink(OPS))).toEqual({
      redirectedTo: '/admin/compliance',
    });
  });
});
