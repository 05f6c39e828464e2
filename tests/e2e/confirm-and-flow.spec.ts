import { expect, test, type Browser, type Page } from '@playwright/test';
import { solidPng } from '../helpers/png';
import { makeClient, makeFreelancer, makeInvite, signedInPage, signIn } from './factories';
import { expectNoAxeViolations, signW8benAsAlexKim } from './helpers';

const ACCOUNT_NUMBER = '73915548260417';
const METHOD = 'US bank account (checking) ending 0417';
const OVERVIEW =
  'I design and build booking systems for small clinics, from the first sketch to launch. Last year a clinic I work with cut no-shows by a third.';

/** A freelancer at `step` of onboarding (the server builds them), signed in on a new browser. */
async function freelancerAt(
  browser: Browser,
  step: 'basic-info' | 'contract',
  javaScriptEnabled: boolean,
) {
  const context = await browser.newContext({ javaScriptEnabled });
  const made = await makeFreelancer(context.request, { firstName: 'Alex', step });
  await signIn(context, made.email);
  return { page: await context.newPage(), made };
}

async function addBankAccount(page: Page) {
  await page.getByLabel('Account holder name').fill('Alex Kim');
  await page.getByLabel('Routing number').fill('021000021');
  await page.getByLabel('Account number').fill(ACCOUNT_NUMBER);
  await page.getByLabel('Checking').check();
  await page.getByRole('button', { name: 'Add this payout method' }).click();
  await expect(page.getByText('Payout method added.')).toBeVisible();
}

/** The method's row, and its "Remove" link (named "Remove: <method>" for screen readers). */
const methodRow = (page: Page) =>
  page.getByRole('row', { name: /US bank account \(checking\) ending 0417/ });
const removeLink = (page: Page) =>
  page.getByRole('link', { name: /^Remove\s?: US bank account \(checking\) ending 0417$/ });

const rail = (page: Page) => page.getByRole('navigation', { name: 'Onboarding steps' });

test('every destructive action asks first, on a page of its own, with JavaScript off', async ({
  browser,
}) => {
  // Remove a payout method: the first click only asks; Cancel changes nothing.
  const { page, made } = await freelancerAt(browser, 'contract', false);
  await page.goto('/settings/payout');
  await addBankAccount(page);
  await removeLink(page).click();
  await expect(page.getByRole('heading', { name: `Remove your ${METHOD}?` })).toBeVisible();
  await expect(page.getByText('You will have no payout method left')).toBeVisible();
  await page.getByRole('link', { name: 'Cancel, keep everything as it is' }).click();
  await expect(methodRow(page)).toBeVisible();
  await removeLink(page).click();
  await page
    .getByRole('button', { name: /^Remove this payout method\s?: US bank account/ })
    .click();
  await expect(page.getByText('Payout method removed.')).toBeVisible();
  await expect(methodRow(page)).toHaveCount(0);
  // Someone else's (or a made-up) method id finds no confirmation page.
  const unknown = await page.goto('/settings/payout/0b9e8f62-1d2c-4c3b-9a55-6f1f0e2d7a10/remove');
  expect(unknown?.status()).toBe(404);

  // Revoke an invite: the question names the person and says they are not told.
  const client = await makeClient(page.request);
  const invite = await makeInvite(page.request, { clientEmail: client.email, firstName: 'Sam' });
  const clientPage = await signedInPage(browser, client.email, { javaScriptEnabled: false });
  await clientPage.goto(`/client/invites/${invite.inviteId}`);
  await clientPage.getByRole('link', { name: 'Revoke the invite' }).click();
  await expect(
    clientPage.getByRole('heading', { name: `Revoke the invite to Sam Kim (${invite.email})?` }),
  ).toBeVisible();
  await expect(clientPage.getByText('We do not email Sam about it')).toBeVisible();
  await clientPage.getByRole('button', { name: 'Revoke the invite' }).click();
  await expect(clientPage.getByText('The invite is revoked')).toBeVisible();
  // Another workspace's invite has no confirmation page for this client.
  expect((await clientPage.goto(`/client/invites/${made.inviteId}/revoke`))?.status()).toBe(404);

  // Decline an offer: the reason is asked on the confirmation page, and checked there.
  const { page: invited, made: offer } = await freelancerAt(browser, 'basic-info', false);
  await invited.goto(`/onboarding/contract/${offer.contractId}`);
  await invited.getByRole('link', { name: 'Decline the offer…' }).click();
  await expect(
    invited.getByRole('heading', { name: 'Decline “Website redesign” from Acme Studio?' }),
  ).toBeVisible();
  await expect(invited.getByText('you cannot accept it later')).toBeVisible();
  await invited.getByRole('button', { name: 'Decline the offer' }).click();
  await expect(invited.getByText('Tell the client why you are declining the offer.')).toBeVisible();
  await invited.getByLabel('Reason for declining').fill('The dates do not work for me.');
  await invited.getByRole('button', { name: 'Decline the offer' }).click();
  await expect(invited.getByRole('heading', { name: 'Welcome, Alex' })).toBeVisible();
  await expect(invited.getByRole('region', { name: 'Your contracts' })).toContainText('declined');

  // Sign out everywhere: Cancel keeps the session; going ahead ends it.
  await page.goto('/settings/account');
  await page.getByRole('link', { name: 'Sign out everywhere…' }).click();
  await page.getByRole('link', { name: 'Cancel, stay signed in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Account' })).toBeVisible();
  await page.getByRole('link', { name: 'Sign out everywhere…' }).click();
  await expect(page.getByText(`which we email to ${made.email}`)).toBeVisible();
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('onboarding reads as one flow: the rail, "Continue to …", saved summaries and the end state', async ({
  browser,
}) => {
  const { page } = await freelancerAt(browser, 'contract', true);
  await page.goto('/onboarding');
  await expect(rail(page)).toContainText('3 of 6 steps done');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Continue to payout method' }).click();

  // Payout: the rail marks this step; the cue sits beside the bank fields.
  await expect(page.getByRole('heading', { level: 1, name: 'Payout methods' })).toBeVisible();
  await expect(rail(page).locator('[aria-current="step"]')).toContainText('Payout method');
  await expect(
    page.getByText('Your account number is encrypted as soon as it reaches'),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await addBankAccount(page);
  // Saved: the method shows masked with its hold explained, and the form closes.
  await expect(methodRow(page)).toContainText('cannot send your money to themselves at once');
  await expect(page.getByRole('button', { name: 'Add this payout method' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Add another payout method' })).toBeVisible();
  await expectNoAxeViolations(page);
  await removeLink(page).click();
  await expect(page.getByRole('heading', { name: `Remove your ${METHOD}?` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goBack();
  await page.getByRole('link', { name: 'Continue to tax information' }).click();

  // Tax: the cue, then the saved declaration as a masked summary with "Replace".
  await expect(page.getByRole('heading', { level: 1, name: 'Tax information' })).toBeVisible();
  await expect(page.getByText('Your tax identification number is encrypted')).toBeVisible();
  await signW8benAsAlexKim(page);
  await expect(page.getByText('Tax information saved and signed.')).toBeVisible();
  await expect(page.getByText('ending 5604')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign and save' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Replace the declaration' }).click();
  await expect(page.getByRole('button', { name: 'Sign and save' })).toBeVisible();
  await page.getByRole('link', { name: 'Continue to profile' }).click();

  // Profile: to half of the meter, which finishes the last step.
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  await page
    .getByLabel('Upload a photo')
    .setInputFiles({ name: 'alex.png', mimeType: 'image/png', buffer: solidPng(64, 64) });
  await page.getByRole('button', { name: 'Upload photo' }).click();
  await expect(page.getByText('Photo saved.')).toBeVisible();
  await page.getByLabel('Professional title').fill('Booking systems developer');
  await page.getByLabel('Overview').fill(OVERVIEW);
  await page.getByLabel('Hourly rate (USD)').fill('45');
  await page.getByLabel('Skills').fill('React, Postgres');
  const job = page.getByRole('group', { name: 'Job 1' });
  await job.getByLabel('Company or client').fill('Acme Clinics');
  await job.getByLabel('Job title').fill('Lead developer');
  await job.getByLabel('Started').fill('2021-03');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'On file: your profile' })).toContainText(
    'React, Postgres',
  );
  await expect(rail(page)).toContainText('6 of 6 steps done');
  await expectNoAxeViolations(page);

  // The end state says what happens next, the hold and its date included.
  await page.getByRole('link', { name: 'Continue: see what happens next' }).click();
  const ready = page.getByRole('region', { name: 'You’re ready to get paid' });
  await expect(ready).toContainText('“Website redesign” is active');
  await expect(ready).toContainText('Withdrawals go to your bank account ending 0417, from');
  await expectNoAxeViolations(page);
});

test('the confirmation pages pass axe', async ({ browser }) => {
  const { page, made } = await freelancerAt(browser, 'basic-info', true);
  await page.goto(`/onboarding/contract/${made.contractId}/decline`);
  await expect(page.getByRole('heading', { level: 1, name: 'Decline the offer' })).toBeVisible();
  await expect(rail(page).locator('[aria-current="step"]')).toContainText('Review the contract');
  await expectNoAxeViolations(page);
  const client = await signedInPage(browser, made.client.email);
  const invite = await makeInvite(client.request, { clientEmail: made.client.email });
  await client.goto(`/client/invites/${invite.inviteId}/revoke`);
  await expect(client.getByRole('heading', { level: 1, name: 'Revoke the invite' })).toBeVisible();
  await expectNoAxeViolations(client);
});
