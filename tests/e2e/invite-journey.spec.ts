import { expect, test, type Browser } from '@playwright/test';
import {
  expectNoAxeViolations,
  inviteLinkFromMail,
  openLatestEmail,
  sendHourlyInvite,
  signUpAsClient,
  uniqueEmail,
} from './helpers';

async function journey(browser: Browser, javaScriptEnabled: boolean) {
  // axe runs inside the page, so it checks the pages on the JavaScript run only.
  const checkAxe = async (page: Parameters<typeof expectNoAxeViolations>[0]) => {
    if (javaScriptEnabled) await expectNoAxeViolations(page);
  };
  const client = await (await browser.newContext({ javaScriptEnabled })).newPage();
  const freelancerContext = await browser.newContext({ javaScriptEnabled });
  const freelancer = await freelancerContext.newPage();
  const clientEmail = uniqueEmail('client');
  const freelancerEmail = uniqueEmail('alex');
  const otherEmail = uniqueEmail('other');

  await signUpAsClient(client, { email: clientEmail, name: 'Dana Lee', workspace: 'Acme Studio' });
  await client.goto('/client/invites/new');
  await checkAxe(client);
  await sendHourlyInvite(client, {
    email: freelancerEmail,
    firstName: 'Alex',
    lastName: 'Kim',
    title: 'Website redesign',
    rate: '50',
    weeklyLimit: '20',
  });
  await checkAxe(client);
  const inviteUrl = client.url();

  const subject = 'Dana Lee of Acme Studio invited you to work together on Workbridge';
  const firstLink = await inviteLinkFromMail(client, freelancerEmail, subject);
  const { text } = await openLatestEmail(client, freelancerEmail, subject);
  expect(text).toContain('$47.50 an hour');

  // Resend: the first link stops working, the second works.
  await client.goto(inviteUrl);
  await client.getByRole('button', { name: 'Resend with a fresh link' }).click();
  await expect(client.getByText('A fresh link is on its way')).toBeVisible();
  await expect(async () => {
    const link = await inviteLinkFromMail(client, freelancerEmail, subject);
    expect(link).not.toBe(firstLink);
  }).toPass({ timeout: 30_000 });
  const secondLink = await inviteLinkFromMail(client, freelancerEmail, subject);
  await freelancer.goto(firstLink);
  await expect(freelancer.getByRole('heading', { name: 'A newer link was sent' })).toBeVisible();

  // Revoke another invite: its link says so.
  await sendHourlyInvite(client, {
    email: otherEmail,
    firstName: 'Sam',
    lastName: 'Ortiz',
    title: 'Logo',
    rate: '30',
    weeklyLimit: '10',
  });
  await client.getByRole('link', { name: 'Revoke the invite' }).click();
  await expect(
    client.getByRole('heading', { name: `Revoke the invite to Sam Ortiz (${otherEmail})?` }),
  ).toBeVisible();
  await client.getByRole('button', { name: 'Revoke the invite' }).click();
  await expect(client.getByText('The invite is revoked')).toBeVisible();
  const revokedLink = await inviteLinkFromMail(client, otherEmail, subject);
  await freelancer.goto(revokedLink);
  await expect(
    freelancer.getByRole('heading', { name: 'This invitation was withdrawn' }),
  ).toBeVisible();

  // A mail scanner fetches the link first (GET, HEAD, a headless browser running scripts): nothing is used up.
  const scan = await freelancerContext.request.get(secondLink);
  expect(scan.status()).toBe(200);
  expect(scan.headers()['referrer-policy']).toBe('no-referrer');
  expect((await freelancerContext.request.head(secondLink)).status()).toBe(200);
  const scanner = await browser.newContext();
  await (await scanner.newPage()).goto(secondLink);
  await scanner.close();

  // The freelancer accepts, fills basic info and accepts the contract.
  await freelancer.goto(secondLink);
  await expect(freelancer.getByRole('heading', { name: subject })).toBeVisible();
  await checkAxe(freelancer);
  await freelancer.getByRole('button', { name: 'Accept the invitation' }).click();
  await expect(freelancer.getByRole('heading', { name: 'Welcome, Alex' })).toBeVisible();
  expect(freelancer.url()).not.toContain(secondLink.split('/invite/')[1]);
  await checkAxe(freelancer);
  await freelancer.getByRole('link', { name: 'Basic info' }).first().click();
  await expect(freelancer.getByRole('heading', { name: 'Basic info' })).toBeVisible();
  await checkAxe(freelancer);
  await freelancer.getByLabel('Country you live in').selectOption('PT');
  await freelancer.getByLabel('Time zone').selectOption('Europe/Lisbon');
  // What the box accepts: our terms on their own page, with Stripe's agreement in them.
  const termsHref = await freelancer
    .getByRole('link', { name: 'terms of service' })
    .getAttribute('href');
  expect(termsHref).toBe('/terms');
  const terms = await freelancer.context().newPage();
  await terms.goto(termsHref!);
  await expect(terms.getByRole('heading', { name: 'Terms of service', level: 1 })).toBeVisible();
  await expect(
    terms.getByRole('link', { name: 'Stripe Connected Account Agreement' }),
  ).toHaveAttribute('href', 'https://stripe.com/connect-account/legal/full');
  await checkAxe(terms);
  await terms.close();
  await freelancer.getByLabel(/I accept the/).check();
  await freelancer.getByRole('button', { name: 'Save and continue' }).click();
  await expect(freelancer.getByRole('heading', { name: 'Review the contract' })).toBeVisible();
  await expect(freelancer.getByText('$47.50').first()).toBeVisible();
  await checkAxe(freelancer);
  await freelancer.getByRole('button', { name: 'Accept the contract' }).click();
  await expect(freelancer.getByRole('heading', { name: 'Welcome, Alex' })).toBeVisible();
  await expect(freelancer.getByText('You accepted “Website redesign”')).toBeVisible();
  await expect(
    freelancer.getByRole('link', { name: 'Website redesign', exact: true }),
  ).toBeVisible();

  // The client sees "accepted" and has the acceptance email.
  await client.goto('/client');
  const row = client.getByRole('row', { name: /Alex Kim/ });
  await expect(row).toContainText('Accepted');
  await openLatestEmail(client, clientEmail, /Alex Kim accepted your offer/);
  await freelancerContext.close();
}

test.describe.configure({ timeout: 180_000 });

test('client invites, resends and revokes; the freelancer accepts and onboards (JavaScript on)', async ({
  browser,
}) => {
  await journey(browser, true);
});

test('the same journey works with JavaScript turned off', async ({ browser }) => {
  await journey(browser, false);
});
