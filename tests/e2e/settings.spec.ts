import { expect, test, type Browser, type Page } from '@playwright/test';
import { solidPng } from '../helpers/png';
import { makeFreelancer, signedInPage, signIn } from './factories';
import { expectNoAxeViolations, openLatestEmail, signW8benAsAlexKim } from './helpers';

const ACCOUNT_NUMBER = '73915548260417';
const OVERVIEW =
  'I design and build booking systems for small clinics, from the first sketch to launch. Last year a clinic I work with cut no-shows by a third.';

/**
 * The freelancer as the onboarding journey leaves them (invited by Dana Lee of Acme Studio,
 * joined, basic info done, contract accepted), built by the server, and both people
 * signed in: this journey is about the settings, and invite-journey walks the steps before.
 */
async function onboardedFreelancer(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  const made = await makeFreelancer(context.request, {
    firstName: 'Alex',
    lastName: 'Kim',
    title: 'Website redesign',
    step: 'contract',
  });
  await signIn(context, made.email);
  const freelancer = await context.newPage();
  await freelancer.goto('/onboarding');
  await expect(freelancer.getByRole('heading', { name: 'Welcome, Alex' })).toBeVisible();
  const client = await signedInPage(browser, made.client.email, { javaScriptEnabled });
  return { client, freelancer, email: made.email };
}

/**
 * The "What stands between you and your first payment" panel on the onboarding dashboard,
 * which shows payout data, so it must not be cached.
 */
async function blockers(page: Page) {
  const response = await page.goto('/onboarding');
  expect(response?.headers()['cache-control']).toContain('no-store');
  return page.getByRole('region', { name: 'What stands between you and your first payment' });
}

const holdDate = () =>
  new Date(Date.now() + 3 * 86_400_000).toLocaleDateString('en-US', {
    dateStyle: 'long',
    timeZone: 'UTC',
  });

async function journey(browser: Browser, javaScriptEnabled: boolean) {
  // axe runs inside the page, so it checks the pages on the JavaScript run only.
  const checkAxe = async (page: Page) => {
    if (javaScriptEnabled) await expectNoAxeViolations(page);
  };
  const { client, freelancer: page, email } = await onboardedFreelancer(browser, javaScriptEnabled);

  // Personalised help: the help center opens with each person's own next steps.
  await page.goto('/help');
  const nextSteps = page.getByRole('region', { name: 'Your next steps' });
  await expect(nextSteps.getByRole('link', { name: 'Payout method' })).toBeVisible();
  await expect(nextSteps.getByRole('link', { name: 'Tax information' })).toBeVisible();
  await client.goto('/help');
  await expect(client.getByRole('region', { name: 'Your next steps' })).toContainText(
    'Invite a freelancer',
  );
  const visitor = await (await browser.newContext({ javaScriptEnabled })).newPage();
  await visitor.goto('/help');
  await expect(visitor.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(visitor.getByRole('region', { name: 'Your next steps' })).toHaveCount(0);

  let panel = await blockers(page);
  await expect(panel).toContainText('Add a payout method');
  await expect(panel).toContainText('Tax information is missing');
  await expect(panel).toContainText('Your profile is 0% complete');

  // 1. A bank account: a wrong routing number is explained beside its field, and the account
  //    number is not sent back; then the right one is added and shown masked, with its hold.
  const response = await page.goto('/settings/payout');
  expect(response?.headers()['cache-control']).toContain('no-store');
  await expect(page.getByRole('heading', { level: 1, name: 'Payout methods' })).toBeVisible();
  await checkAxe(page);
  await page.getByLabel('Account holder name').fill('Alex Kim');
  await page.getByLabel('Routing number').fill('021000022');
  await page.getByLabel('Account number').fill(ACCOUNT_NUMBER);
  await page.getByLabel('Checking').check();
  await page.getByRole('button', { name: 'Add this payout method' }).click();
  await expect(page.getByText("The routing number's check digit doesn't match")).toBeVisible();
  await expect(page.getByLabel('Account number')).toHaveValue('');
  await expect(page.getByLabel('Routing number')).toHaveValue('021000022');
  await checkAxe(page);
  await page.getByLabel('Routing number').fill('021000021');
  await page.getByLabel('Account number').fill(ACCOUNT_NUMBER);
  await page.getByLabel('Checking').check();
  await page.getByRole('button', { name: 'Add this payout method' }).click();
  await expect(page.getByText('Payout method added.')).toBeVisible();
  const row = page.getByRole('row', { name: /US bank account \(checking\) ending 0417/ });
  await expect(row).toContainText('Default');
  await expect(row).toContainText(`Security hold: usable from ${holdDate()}`);
  expect(await page.content()).not.toContain(ACCOUNT_NUMBER);
  await checkAxe(page);
  const notice = await openLatestEmail(page, email, /Security notice: a payout method was added/);
  expect(notice.text).toContain('ending 0417');
  expect(notice.text).not.toContain(ACCOUNT_NUMBER);

  panel = await blockers(page);
  await expect(panel).not.toContainText('Add a payout method');
  await expect(panel).toContainText(
    `Your bank account ending 0417 is in its security hold until ${holdDate()}`,
  );

  // 2. Tax information (W-8BEN, since Alex lives in Portugal).
  expect((await page.goto('/settings/tax'))?.headers()['cache-control']).toContain('no-store');
  await expect(page.getByRole('heading', { level: 1, name: 'Tax information' })).toBeVisible();
  await checkAxe(page);
  await signW8benAsAlexKim(page);
  await expect(page.getByText('Tax information saved and signed.')).toBeVisible();
  await expect(page.getByText('ending 5604')).toBeVisible();
  expect(await page.content()).not.toContain('298115604');
  await checkAxe(page);

  panel = await blockers(page);
  await expect(panel).not.toContainText('Tax information is missing');
  await expect(panel).toContainText('security hold');
  await expect(panel).toContainText('Your profile is 0% complete');

  // 3. The profile, to 100%, following the meter's tips.
  await page.goto('/settings/profile');
  const meter = page.getByRole('heading', { name: /Your profile is \d+% complete/ });
  await expect(meter).toHaveText('Your profile is 0% complete');
  await expect(page.getByText('Add a photo:')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Best practices' })).toHaveAttribute(
    'href',
    '/help/profile-best-practices',
  );
  await checkAxe(page);

  await page
    .getByLabel('Upload a photo')
    .setInputFiles({ name: 'alex.png', mimeType: 'image/png', buffer: solidPng(64, 64) });
  await page.getByRole('button', { name: 'Upload photo' }).click();
  await expect(page.getByText('Photo saved.')).toBeVisible();
  await expect(meter).toHaveText('Your profile is 15% complete');
  await expect(await blockers(page)).toContainText('Your profile is 15% complete');
  await page.goto('/settings/profile');
  const photoSrc = await page.getByRole('img', { name: 'Your profile photo' }).getAttribute('src');
  const photo = await page.request.get(photoSrc!);
  expect(photo.status()).toBe(200);
  expect(photo.headers()['content-type']).toBe('image/png');
  expect(photo.headers()['x-content-type-options']).toBe('nosniff');

  await page.getByLabel('Professional title').fill('Booking systems developer');
  await page.getByLabel('Overview').fill(OVERVIEW);
  await page.getByLabel('Hourly rate (USD)').fill('45');
  await page.getByLabel('Skills').fill('React, Postgres');
  await page.getByLabel('Portfolio links (optional)').fill('https://example.com/clinic-booking');
  const language = page.getByRole('group', { name: 'Language 1' });
  await language.getByLabel('Language', { exact: true }).fill('English');
  await language.getByLabel('Level').selectOption('fluent');
  const job = page.getByRole('group', { name: 'Job 1' });
  await job.getByLabel('Company or client').fill('Acme Clinics');
  await job.getByLabel('Job title').fill('Lead developer');
  await job.getByLabel('Started').fill('2021-03');
  const school = page.getByRole('group', { name: 'School or course 1' });
  await school.getByLabel('School, university or course provider').fill('University of Lisbon');
  await school.getByLabel('Start year').fill('2012');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  await expect(meter).toHaveText('Your profile is 90% complete');
  await expect(page.getByText('Add an earlier job as well')).toBeVisible();
  // Saved, the profile shows as a summary; "Edit your profile" opens the form again.
  const summary = page.getByRole('region', { name: 'On file: your profile' });
  await expect(summary).toContainText('Booking systems developer');
  await expect(page.getByRole('button', { name: 'Save profile' })).toHaveCount(0);
  await summary.getByRole('link', { name: 'Edit your profile' }).click();

  const secondJob = page.getByRole('group', { name: 'Job 2' });
  await secondJob.getByLabel('Company or client').fill('Bluefin');
  await secondJob.getByLabel('Job title').fill('Developer');
  await secondJob.getByLabel('Started').fill('2018-01');
  await secondJob.getByLabel('Left').fill('2021-02');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(meter).toHaveText('Your profile is 100% complete');
  await checkAxe(page);

  panel = await blockers(page);
  await expect(
    page
      .getByRole('navigation', { name: 'Onboarding steps' })
      .getByRole('listitem')
      .filter({ hasText: 'Profile' }),
  ).toContainText('done');
  await expect(panel).toContainText('security hold');
  await expect(panel).not.toContainText('Your profile is');

  // 4. Visibility: public first (anyone sees it), then private (anonymous visitors get a 404).
  await page.goto('/settings/visibility');
  await checkAxe(page);
  const profilePath = (await page.getByRole('link', { name: /^\/freelancers\// }).textContent())!;
  await page.getByLabel('Public', { exact: true }).check();
  await page.getByRole('button', { name: 'Save visibility' }).click();
  await expect(page.getByText('Visibility saved: Public.')).toBeVisible();
  const anonymous = await (await browser.newContext({ javaScriptEnabled })).newPage();
  expect((await anonymous.goto(profilePath))?.status()).toBe(200);
  await expect(anonymous.getByRole('heading', { level: 1, name: 'Alex K.' })).toBeVisible();
  await expect(anonymous.getByText('cut no-shows by a third')).toBeVisible();
  await checkAxe(anonymous);

  await page.getByLabel('Private', { exact: true }).check();
  await page.getByRole('button', { name: 'Save visibility' }).click();
  await expect(page.getByText('Visibility saved: Private.')).toBeVisible();
  expect((await anonymous.goto(profilePath))?.status()).toBe(404);
  await expect(anonymous.getByText('Alex K.')).toHaveCount(0);
  expect((await anonymous.request.get(`${profilePath}/photo`)).status()).toBe(404);
  // Visibility is a choice, not a blocker: the panel names the hold (and why a withdrawal
  // would be refused now), never the visibility.
  panel = await blockers(page);
  await expect(panel).toContainText('security hold');
  await expect(panel.getByRole('listitem').filter({ hasText: /visib/i })).toHaveCount(0);

  // A signed-in stranger (the client) with the link sees the short card only, not indexed.
  expect((await client.goto(profilePath))?.status()).toBe(200);
  await expect(client.getByRole('heading', { level: 1, name: 'Alex K.' })).toBeVisible();
  await expect(client.getByText('Booking systems developer')).toBeVisible();
  await expect(client.getByText('Portugal')).toBeVisible();
  await expect(client.getByText('cut no-shows by a third')).toHaveCount(0);
  await expect(client.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await checkAxe(client);

  // The account page is there too.
  await page.goto('/settings/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  await checkAxe(page);
}

test.describe.configure({ timeout: 240_000 });

test('the freelancer sets up payout, tax, profile and visibility (JavaScript on)', async ({
  browser,
}) => {
  await journey(browser, true);
});

test('the same settings work with JavaScript turned off', async ({ browser }) => {
  await journey(browser, false);
});
