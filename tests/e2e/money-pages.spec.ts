import { expect, test, type Browser, type Page } from '@playwright/test';
import { makeClient, makeFreelancer, makePayments, signedInPage } from './factories';
import { expectNoAxeViolations } from './helpers';

/**
 * The money pages (issues 14 and 19), each as the person it belongs to, at 1280 px and on a
 * 390 px phone (expectNoAxeViolations measures that width too): first empty, then with the
 * dev seed's demo weeks posted through the ledger.
 */
test.setTimeout(120_000);

const WIDE = { width: 1280, height: 900 };

async function visitAtBothWidths(page: Page, path: string, check: () => Promise<void>) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(path);
    await check();
    await expectNoAxeViolations(page);
  }
}

async function clientAndFreelancer(browser: Browser) {
  const setup = await browser.newContext();
  const client = await makeClient(setup.request);
  const freelancer = await makeFreelancer(setup.request, { clientEmail: client.email });
  return { setup, client, freelancer };
}

test('the client sees billing methods and an empty history, then the charges', async ({
  browser,
}) => {
  const { setup, client, freelancer } = await clientAndFreelancer(browser);
  const page = await signedInPage(browser, client.email);
  await page.setViewportSize(WIDE);

  await page.goto('/client');
  await page.getByRole('link', { name: 'Transactions' }).click();
  await expect(page.getByRole('heading', { name: 'Transactions', level: 1 })).toBeVisible();

  await visitAtBothWidths(page, '/client/transactions', async () => {
    await expect(page.getByText('No charges yet.')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
  });
  await visitAtBothWidths(page, '/client/billing', async () => {
    await expect(page.getByRole('heading', { name: 'Billing methods', level: 1 })).toBeVisible();
    await expect(page.getByText('You have not added a billing method yet.')).toBeVisible();
  });

  await makePayments(setup.request, { contractId: freelancer.contractId });
  await visitAtBothWidths(page, '/client/transactions', async () => {
    const table = page.getByRole('table', { name: 'Charges and refunds' });
    await expect(table.getByRole('row', { name: /Week 2, 8 hours/ })).toContainText('$400.00');
    await expect(table.getByRole('row', { name: /Week 1, 12 hours/ })).toContainText('$600.00');
    await expect(table.getByRole('row', { name: /Week 1/ }).first()).toContainText(
      'Website redesign',
    );
    // Releases and availability are the freelancer's side, not the client's.
    await expect(table.getByRole('row')).toHaveCount(3);
  });
  await setup.close();
  await page.context().close();
});

test('the freelancer sees an empty history, then the release and the money available', async ({
  browser,
}) => {
  const { setup, freelancer } = await clientAndFreelancer(browser);
  const page = await signedInPage(browser, freelancer.email);
  await page.setViewportSize(WIDE);

  await page.goto('/onboarding');
  await page.getByRole('link', { name: 'Transaction history' }).click();
  await expect(page.getByRole('heading', { name: 'Transaction history', level: 1 })).toBeVisible();
  await visitAtBothWidths(page, '/earnings/transactions', async () => {
    await expect(page.getByText('Nothing yet.')).toBeVisible();
  });

  await makePayments(setup.request, { contractId: freelancer.contractId });
  // Posting again adds nothing: the postings have fixed keys.
  await makePayments(setup.request, { contractId: freelancer.contractId });
  await visitAtBothWidths(page, '/earnings/transactions', async () => {
    const table = page.getByRole('table', { name: 'Your transactions' });
    // A header row, the release into pending, and availability out of pending into available.
    await expect(table.getByRole('row')).toHaveCount(4);
    await expect(table.getByRole('row', { name: /Payment released/ })).toContainText('Pending');
    await expect(table.getByRole('row', { name: /Payment released/ })).toContainText('+$');
    const available = table.getByRole('row', { name: /Now available/ });
    await expect(available.filter({ hasText: /Available/ })).toContainText('+$');
    await expect(available.filter({ hasText: 'Pending' })).toContainText('-$');
  });
  await setup.close();
  await page.context().close();
});

test('the withdraw page says why a new freelancer cannot withdraw yet', async ({ browser }) => {
  const { setup, freelancer } = await clientAndFreelancer(browser);
  const page = await signedInPage(browser, freelancer.email);
  await visitAtBothWidths(page, '/earnings/withdraw', async () => {
    await expect(page.getByRole('heading', { name: 'Withdraw', level: 1 })).toBeVisible();
    await expect(page.getByText('Why you may not be able to withdraw')).toBeVisible();
  });
  await setup.close();
  await page.context().close();
});
