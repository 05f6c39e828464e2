import { expect, test, type Page } from '@playwright/test';
import { openLatestEmail, uniqueEmail } from './helpers';

const PAGES = ['/', '/sign-in', '/sign-up', '/help', '/invite/not-a-real-token', '/api/health', '/dev/mail'];

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

/** Submits the sign-in form without JavaScript, rewriting the headers of the POST. */
async function postSignInForm(page: Page, email: string, headers: Record<string, string>) {
  await page.route('**/sign-in', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    await route.continue({ headers: { ...route.request().headers(), ...headers } });
  });
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Email me a sign-in link' }).click(),
  ]);
  await page.unroute('**/sign-in');
  return response;
}

test('server actions replayed from another origin, or with Origin: null, are refused', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const origin of ['https://evil.example', 'null']) {
    const email = uniqueEmail('csrf');
    const response = await postSignInForm(page, email, { origin });
    expect(response.status(), origin).toBeGreaterThanOrEqual(400);
    await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
    await expect(page.getByText('No messages yet.')).toBeVisible();
  }
  await context.close();
});

test('emailed links use APP_URL even when the request names another host', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const email = uniqueEmail('host');
  await postSignInForm(page, email, { 'x-forwarded-host': 'evil.example', origin: 'http://evil.example' });
  const { hrefs } = await openLatestEmail(page, email, 'Your Workbridge sign-in link');
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(new URL(href).origin).toBe('http://localhost:3100');
  await context.close();
});

test('the session cookie is HttpOnly, SameSite=Lax, Secure and __Secure-, and dies with sign-out', async ({ browser, baseURL }) => {
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
