import { expect, test, type Page } from '@playwright/test';
import { makeFreelancer, makeInvite, makeClient, signIn, signedInPage } from './factories';
import { openLatestEmail } from './helpers';

/**
 * Issue 19, with JavaScript on: what a page says right after an action must be what a
 * reload would say (the checklist, a changed offer, the fields a person already filled in),
 * and every action says how it went.
 */

const checklist = (page: Page) => page.getByRole('navigation', { name: 'Onboarding steps' });
const step = (page: Page, label: string) =>
  checklist(page).getByRole('listitem').filter({ hasText: label });

/** The checklist as shown after client navigation, then after a reload: they must agree. */
async function expectChecklistFresh(page: Page) {
  const shown = (await checklist(page).textContent()) ?? '';
  await page.reload();
  await expect(checklist(page)).toHaveText(shown);
}

test('the checklist follows each onboarding action without a reload (bug 1, bug 5)', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const made = await makeFreelancer(context.request, { step: 'joined' });
  await signIn(context, made.email);
  const page = await context.newPage();

  await page.goto('/onboarding/basic-info');
  await page.getByLabel('First name').fill('Alex');
  await page.getByLabel('Last name').fill('Kim');
  await page.getByLabel('Country you live in').selectOption('PT');
  await page.getByLabel('Time zone').selectOption('Europe/Lisbon');
  await page.getByLabel(/I accept the/).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByRole('heading', { name: 'Review the contract' })).toBeVisible();
  await expect(step(page, 'Basic info')).toContainText(/\bdone\b/);
  await expectChecklistFresh(page);

  await page.getByRole('button', { name: 'Accept the contract' }).click();
  await expect(page).toHaveURL(/\/onboarding\?notice=accepted/);
  await expect(page.getByRole('status').filter({ hasText: 'You accepted' })).toContainText(
    '“Website redesign”',
  );
  await expect(step(page, 'Review the contract')).toContainText(/\bdone\b/);
  await expectChecklistFresh(page);
  await context.close();
});

test('declining an offer is confirmed on the dashboard (bug 5)', async ({ browser }) => {
  const context = await browser.newContext();
  const made = await makeFreelancer(context.request, { step: 'basic-info' });
  await signIn(context, made.email);
  const page = await context.newPage();
  await page.goto('/onboarding/contract');
  await page.getByRole('link', { name: 'Decline the offer…' }).click();
  await page.getByLabel('Reason for declining').fill('The timeline does not work for me.');
  await page.getByRole('button', { name: 'Decline the offer' }).click();
  await expect(page).toHaveURL(/\/onboarding\?notice=declined/);
  await expect(page.getByRole('status').filter({ hasText: 'You declined' })).toContainText(
    '“Website redesign”',
  );
  await context.close();
});

test('a form refused by the server keeps the choices already made (bug 2)', async ({ browser }) => {
  // A browser whose zone is not UTC, so the preset zone is visible.
  const context = await browser.newContext({ timezoneId: 'Europe/Berlin' });
  const joined = await makeFreelancer(context.request, { step: 'joined' });
  await signIn(context, joined.email);
  const page = await context.newPage();

  await page.goto('/onboarding/basic-info');
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
  // The invite filled the name in; without it the server refuses the form.
  await page.getByLabel('First name').fill('');
  await page.getByLabel('Country you live in').selectOption('PT');
  await page.getByLabel(/I accept the/).check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByText('Please correct the highlighted fields.')).toBeVisible();
  await expect(page.getByLabel('Country you live in')).toHaveValue('PT');
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
  await expect(page.getByLabel(/I accept the/)).toBeChecked();

  const onboarded = await makeFreelancer(context.request, { step: 'contract' });
  await signIn(context, onboarded.email);
  await page.goto('/settings/tax');
  await page.getByLabel('Country of citizenship').selectOption('PT');
  await page.getByLabel('Foreign tax identification number').fill('298115604');
  await page.getByLabel(/I certify that I am not a U\.S\. person/).check();
  await page.getByRole('button', { name: 'Sign and save' }).click();
  await expect(page.getByText('Please correct the highlighted fields.')).toBeVisible();
  await expect(page.getByLabel('Country of citizenship')).toHaveValue('PT');
  await expect(page.getByLabel(/I certify that I am not a U\.S\. person/)).toBeChecked();
  const taxId = page.getByLabel('Foreign tax identification number');
  await expect(taxId).toHaveValue('');
  await expect(taxId).toHaveAccessibleDescription(/please enter it again/);

  await page.goto('/settings/payout');
  await page.getByLabel('Account holder name').fill('Alex Kim');
  await page.getByLabel('Routing number').fill('021000022');
  await page.getByLabel('Account number').fill('73915548260417');
  await page.getByLabel('Checking').check();
  await page.getByRole('button', { name: 'Add this payout method' }).click();
  await expect(page.getByText("The routing number's check digit doesn't match")).toBeVisible();
  await expect(page.getByLabel('Checking')).toBeChecked();
  await expect(page.getByLabel('Account number')).toHaveAccessibleDescription(
    /please enter it again/,
  );

  await page.goto('/settings/profile');
  await page.getByLabel('Professional title').fill('Booking systems for clinics');
  await page.getByLabel('Overview').fill('Too short.');
  await page.getByLabel('Language', { exact: true }).first().fill('Portuguese');
  await page.getByLabel('Level').first().selectOption('fluent');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Please correct the highlighted fields.')).toBeVisible();
  await expect(page.getByLabel('Level').first()).toHaveValue('fluent');
  await context.close();
});

test('a changed offer is shown at once and emailed to the freelancer (bug 3)', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const made = await makeFreelancer(context.request, { step: 'basic-info' });
  await signIn(context, made.email);
  const freelancer = await context.newPage();
  await freelancer.goto('/onboarding/contract');
  const rate = freelancer.locator('dt', { hasText: /^Hourly rate$/ }).locator('+ dd');
  await expect(rate).toHaveText('$50.00');

  const client = await signedInPage(browser, made.client.email);
  await client.goto(`/client/invites/${made.inviteId}/edit`);
  await client.getByLabel('Hourly rate (USD)').fill('48');
  await client.getByRole('button', { name: 'Save the offer' }).click();
  await expect(client).toHaveURL(/notice=edited/);

  await freelancer.getByRole('button', { name: 'Accept the contract' }).click();
  await expect(freelancer.getByText('The offer changed since you opened it.')).toBeVisible();
  await expect(rate).toHaveText('$48.00');
  const mail = await openLatestEmail(freelancer, made.email, /Dana Lee changed the offer/);
  expect(mail.text).toMatch(/review it again/i);
  expect(mail.hrefs.some((href) => href.includes(`/onboarding/contract/${made.contractId}`))).toBe(
    true,
  );

  await freelancer.goto('/onboarding/contract');
  await expect(rate).toHaveText('$48.00');
  await freelancer.getByRole('button', { name: 'Accept the contract' }).click();
  await expect(freelancer).toHaveURL(/notice=accepted/);
  await context.close();
  await client.context().close();
});

test('“Email me a fresh link” confirms where the link went (bug 4)', async ({ browser }) => {
  const context = await browser.newContext();
  const client = await makeClient(context.request);
  const invite = await makeInvite(context.request, { clientEmail: client.email, expired: true });
  const page = await context.newPage();
  await page.goto(invite.link);
  await expect(page.getByRole('heading', { name: 'This invitation has expired' })).toBeVisible();
  await page.getByRole('button', { name: 'Email me a fresh link' }).click();
  const [local, domain] = invite.email.split('@');
  await expect(page.getByRole('status')).toHaveText(
    `A fresh link is on its way to ${local[0]}•••@${domain}. It replaces the link you used, which no longer works.`,
  );
  await expect(page.getByRole('heading', { name: 'A newer link was sent' })).toHaveCount(0);
  await context.close();
});
