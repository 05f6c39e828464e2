import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_APP_URL } from '../../playwright.config';
import { openLatestEmail, uniqueEmail } from './helpers';

const PAGES = [
  '/',
  '/sign-in',
  '/sign-up',
  '/help',
  '/invite/not-a-real-token',
  '/api/health',
  '/dev/mail',
];

test('every page sends the security headers', async ({ request }) => {
  for (const path of PAGES) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toMatch(/^(no-referrer|same-origin)$/);
  }
});

/**
 * Replays the sign-in form's no-JavaScript POST (the server action) with chosen headers,
 * the way a forged cross-site form or a proxy would send it.
 */
async function replaySignIn(
  request: APIRequestContext,
  email: string,
  headers: Record<string, string>,
) {
  const html = await (await request.get('/sign-in')).text();
  const multipart: Record<string, string> = { email };
  for (const match of html.matchAll(
    /<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g,
  )) {
    multipart[match[1]] = (match[2] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  }
  expect(Object.keys(multipart).some((k) => k.startsWith('$ACTION_REF'))).toBe(true);
  return request.post('/sign-in', { multipart, headers, maxRedirects: 0 });
}

async function mailboxCount(request: APIRequestContext, email: string): Promise<number> {
  const html = await (await request.get(`/dev/mail?to=${encodeURIComponent(email)}`)).text();
  return html.includes('No messages yet.') ? 0 : 1;
}

test('server actions replayed from another origin, or with Origin: null, are refused', async ({
  request,
}) => {
  for (const origin of ['https://evil.example', 'null']) {
    const email = uniqueEmail('csrf');
    const response = await replaySignIn(request, email, { origin });
    expect(response.status(), origin).toBeGreaterThanOrEqual(400);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await mailboxCount(request, email), origin).toBe(0);
  }
  // The same request from our own origin goes through, so the refusals above are real.
  const email = uniqueEmail('csrf-control');
  const ok = await replaySignIn(request, email, { origin: E2E_APP_URL });
  expect(ok.status()).toBe(303);
});

test('emailed links use APP_URL even when the request names another host', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('host');
  // A same-origin post (as a browser marks it) that reaches us naming another host, as
  // through a proxy that rewrites it: accepted, and still no link names that host.
  const response = await replaySignIn(request, email, {
    'x-forwarded-host': 'evil.example',
    origin: 'http://evil.example',
    'sec-fetch-site': 'same-origin',
  });
  expect(response.status()).toBe(303);
  const { hrefs } = await openLatestEmail(page, email, 'Your Workbridge sign-in link');
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(new URL(href).origin).toBe(E2E_APP_URL);
});

test('the session cookie is HttpOnly, SameSite=Lax, Secure and __Secure-, and dies with sign-out', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail('cookie');
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  const { hrefs } = await openLatestEmail(page, email, 'Your Workbridge sign-in link');
  await page.goto(hrefs.find((h) => h.includes('/sign-in/confirm'))!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Workbridge' })).toBeVisible();

  const cookie = (await context.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(cookie).toBeDefined();
  expect(cookie!.name).toBe('__Secure-authjs.session-token');
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.secure).toBe(true);
  expect(cookie!.sameSite).toBe('Lax');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();

  // The old cookie, replayed, no longer opens a session.
  const replay = await browser.newContext();
  await replay.addCookies([{ ...cookie!, sameSite: 'Lax' }]);
  const again = await replay.newPage();
  await again.goto(`${baseURL}/welcome`);
  await expect(again).toHaveURL(/\/sign-in$/);
  await replay.close();
  await context.close();
});
