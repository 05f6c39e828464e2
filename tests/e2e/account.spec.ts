import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  expectNoAxeViolations,
  openLatestEmail,
  signInWithEmailLink,
  signUpAsClient,
  uniqueEmail,
} from './helpers';

async function journey(browser: Browser, javaScriptEnabled: boolean) {
  // axe runs inside the page, so it checks the pages on the JavaScript run only.
  const checkAxe = async (page: Page) => {
    if (javaScriptEnabled) await expectNoAxeViolations(page);
  };
  const page = await (await browser.newContext({ javaScriptEnabled })).newPage();
  const oldEmail = uniqueEmail('dana');
  const newEmail = uniqueEmail('dana-new');
  // A fresh sign-up is a sign-in from the last 30 minutes, so the change is allowed.
  await signUpAsClient(page, { email: oldEmail, name: 'Dana Lee', workspace: 'Acme Studio' });

  // 1. Ask for the change: nothing changes yet; the link goes to the new address only.
  await page.goto('/settings/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  await expect(page.getByText(`You sign in with ${oldEmail}`)).toBeVisible();
  await checkAxe(page);
  await page.getByLabel('New email address').fill(newEmail);
  await page.getByRole('button', { name: 'Send a confirmation link' }).click();
  await expect(
    page.getByText(
      `We sent a confirmation link to ${newEmail}. Your email changes when you open it.`,
    ),
  ).toBeVisible();
  await checkAxe(page);
  await page.goto('/settings/account');
  await expect(page.getByText(`A confirmation link was sent to ${newEmail}`)).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${oldEmail}`);

  const requested = await openLatestEmail(
    page,
    oldEmail,
    'Someone asked to change your Workbridge email address',
  );
  expect(requested.text).toContain(newEmail);
  expect(requested.hrefs.some((h) => h.includes('confirm-email'))).toBe(false);

  // 2. The link in the new mailbox opens a page with a button; the button makes the change.
  const confirmation = await openLatestEmail(
    page,
    newEmail,
    'Confirm your new Workbridge email address',
  );
  const link = confirmation.hrefs.find((h) => h.includes('/settings/account/confirm-email'));
  expect(link).toBeDefined();
  await page.goto(link!);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Confirm your new email address' }),
  ).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${oldEmail}`);
  await checkAxe(page);
  await page.getByRole('button', { name: 'Confirm this address' }).click();
  await expect(page).toHaveURL(/\/settings\/account\?notice=email-changed$/);
  await expect(page.getByText(`Your account email is now ${newEmail}.`)).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${newEmail}`);
  await expect(page.getByText(`You sign in with ${newEmail}`)).toBeVisible();
  await expect(page.getByText('A confirmation link was sent to')).toHaveCount(0);
  await checkAxe(page);

  // The old address is told.
  const changed = await openLatestEmail(
    page,
    oldEmail,
    'Your Workbridge email address was changed',
  );
  expect(changed.text).toContain(`Your account now uses ${newEmail}`);
  // The link works once.
  await page.goto(link!);
  await expect(page.getByText('This address was already confirmed with this link.')).toBeVisible();

  // 3. The new address signs in, on a second browser, to the same workspace.
  const other = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await signInWithEmailLink(other, newEmail);
  await other.goto('/client');
  await expect(other.getByRole('heading', { level: 1, name: 'Acme Studio' })).toBeVisible();
  await expect(other.getByRole('banner')).toContainText('client side (Acme Studio)');

  // 4. "Sign out everywhere" on the first browser ends the second browser's session too.
  await page.goto('/settings/account');
  await page.getByRole('link', { name: 'Sign out everywhere…' }).click();
  await expect(
    page.getByRole('heading', { name: 'Sign out of Workbridge on every device?' }),
  ).toBeVisible();
  await checkAxe(page);
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('banner')).not.toContainText('Signed in as');
  await checkAxe(page);
  for (const browserPage of [other, page]) {
    await browserPage.goto('/client');
    // The page asked for rides along, so signing in again returns there.
    await expect(browserPage).toHaveURL(/\/sign-in\?next=%2Fclient$/);
    await expect(browserPage.getByRole('banner')).not.toContainText('Signed in as');
    await expect(
      browserPage.getByRole('banner').getByRole('link', { name: 'Sign in' }),
    ).toBeVisible();
  }

  // 5. A link confirmed where nobody is signed in works too, and says so on the sign-in page.
  const thirdEmail = uniqueEmail('dana-third');
  await signInWithEmailLink(other, newEmail);
  await other.goto('/settings/account');
  await other.getByLabel('New email address').fill(thirdEmail);
  await other.getByRole('button', { name: 'Send a confirmation link' }).click();
  await expect(other.getByText(`We sent a confirmation link to ${thirdEmail}.`)).toBeVisible();
  const third = await openLatestEmail(
    page,
    thirdEmail,
    'Confirm your new Workbridge email address',
  );
  await page.goto(third.hrefs.find((h) => h.includes('/settings/account/confirm-email'))!);
  await page.getByRole('button', { name: 'Confirm this address' }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=email-changed$/);
  await expect(
    page.getByText('Your account email is changed. Sign in with your new address.'),
  ).toBeVisible();
  await checkAxe(page);
}

test('a person changes the account email, then signs out everywhere (JavaScript on)', async ({
  browser,
}) => {
  await journey(browser, true);
});

test('the same account journey works with JavaScript turned off', async ({ browser }) => {
  await journey(browser, false);
});
