import { expect, test, type Page } from '@playwright/test';
import { makeClient, makeFreelancer, makeInvite, signedInPage } from './factories';
import { expectNoAxeViolations, openLatestEmail, uniqueEmail } from './helpers';

/** Issue 19: bugs 7 and 10, in the browser. */

/** Asks for a sign-in link on the page the browser is on, then follows it and presses Sign in. */
async function signInFromHere(page: Page, email: string) {
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const { hrefs } = await openLatestEmail(page, email, 'Your Workbridge sign-in link');
  await page.goto(hrefs.find((h) => h.includes('/sign-in/confirm'))!);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test("the client's invite page says what the client pays and what the freelancer receives", async ({
  browser,
  request,
}) => {
  const client = await makeClient(request);
  const invite = await makeInvite(request, { clientEmail: client.email });
  const page = await signedInPage(browser, client.email);
  await page.goto(`/client/invites/${invite.inviteId}`);
  const offer = page.getByRole('region', { name: /^Offer:/ });
  await expect(offer).toContainText(/You pay \$[\d,.]+ an hour; the freelancer receives \$[\d,.]+/);
  await expect(offer).not.toContainText(/you receive/i);

  // The live preview beside the form speaks to the client too.
  await page.goto('/client/invites/new');
  await page.getByLabel('Hourly rate (USD)').fill('45');
  const preview = page.getByRole('complementary', { name: 'Net pay preview' });
  await expect(preview).toContainText(/You pay per hour\s*\$45\.00/);
  await expect(preview).toContainText(/Freelancer receives per hour\s*\$42\.75/);
  await expectNoAxeViolations(page);
});

test('a deep link opened signed out comes back after the sign-in email', async ({
  browser,
  request,
}) => {
  const { email } = await makeFreelancer(request);
  const page = await (await browser.newContext()).newPage();
  await page.goto('/settings/account');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings%2Faccount$/);
  await signInFromHere(page, email);
  await expect(page).toHaveURL(/\/settings\/account$/);
  await expect(page.getByRole('heading', { name: 'Account', level: 1 })).toBeVisible();
});

test('ops land on the compliance review queue after signing in', async ({ browser }) => {
  // playwright.config.ts lists ops@workbridge.test in ADMIN_EMAILS.
  const page = await (await browser.newContext()).newPage();
  await page.goto('/sign-in');
  await signInFromHere(page, 'ops@workbridge.test');
  await expect(page).toHaveURL(/\/admin\/compliance$/);
});

test('both dashboards and Settings → Account offer the other side', async ({
  browser,
  request,
}) => {
  const client = await makeClient(request, { email: uniqueEmail('hires') });
  const hiring = await signedInPage(browser, client.email);
  await hiring.goto('/client');
  await hiring.getByRole('link', { name: 'Work as a freelancer' }).click();
  await expect(hiring).toHaveURL(/\/welcome\?add=freelancer$/);
  await expect(hiring.getByLabel('I want to work as a freelancer')).toBeChecked();

  const { email } = await makeFreelancer(request);
  const working = await signedInPage(browser, email);
  await working.goto('/onboarding');
  await expect(working.getByRole('link', { name: 'Start hiring' })).toBeVisible();
  await working.goto('/settings/account');
  await expect(
    working.getByRole('region', { name: 'Hiring and working' }).getByRole('link', {
      name: 'Start hiring',
    }),
  ).toHaveAttribute('href', '/welcome?add=client');
  await expectNoAxeViolations(working);
});
