import { expect, test } from '@playwright/test';
import { E2E_APP_URL } from '../../playwright.config';
import { expectNoAxeViolations, openLatestEmail, uniqueEmail } from './helpers';

test('a client signs up in the browser using only the link from the local mailbox', async ({
  page,
  request,
}) => {
  const email = uniqueEmail('client');
  await page.goto('/');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Sign up', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Create your Workbridge account' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-up link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();

  const { hrefs } = await openLatestEmail(page, email, 'Your Workbridge sign-in link');
  const link = hrefs.find((h) => h.includes('/sign-in/confirm'));
  expect(link).toBeDefined();
  expect(new URL(link!).origin).toBe(E2E_APP_URL);

  // A mail scanner fetching the link (GET and HEAD) uses nothing up.
  expect((await request.get(link!)).status()).toBe(200);
  expect((await request.head(link!)).status()).toBe(200);

  await page.goto(link!);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: 'Welcome to Workbridge' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('I want to hire freelancers').check();
  await page.getByLabel('Your name').fill('Sam Rivera');
  await page.getByLabel('Workspace name').fill('Northwind Studio');
  await page.getByLabel(/^Company/).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Northwind Studio' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${email}`);
  await expect(page.getByRole('banner')).toContainText('client side (Northwind Studio)');

  // The same link does not work twice.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto(link!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('This sign-in link has expired or was already used')).toBeVisible();
});

test('asking for a link answers the same for a known and an unknown email', async ({ page }) => {
  const answers: string[] = [];
  for (const email of ['demo@workbridge.test', uniqueEmail('nobody')]) {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
    answers.push(await page.locator('main').innerText());
  }
  expect(answers[0]).toBe(answers[1]);
});

test('a bad email address gets a message next to the field', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill('a@evil.com＠victim.com');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByText('Enter one email address, like name@example.com.')).toBeVisible();
  await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
});
