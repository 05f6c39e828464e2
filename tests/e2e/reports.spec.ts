import { expect, test, type Page } from '@playwright/test';
import { makeClient, makeFreelancer, makeInvoice, signedInPage } from './factories';
import { expectNoAxeViolations } from './helpers';

/**
 * The report pages (issue 17, part 5) as the person each belongs to: reached by their one
 * link, at 1280 px and 390 px with axe, the period form used without JavaScript's help (a
 * GET), a bad month answered next to its field, and a CSV downloaded.
 */
test.setTimeout(120_000);

async function atBothWidths(page: Page, check: () => Promise<void>) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.reload();
    await check();
    await expectNoAxeViolations(page);
  }
}

test('the freelancer reads their earnings by month, week and client, and downloads them', async ({
  browser,
}) => {
  const setup = await browser.newContext();
  const client = await makeClient(setup.request);
  const freelancer = await makeFreelancer(setup.request, { clientEmail: client.email });
  const released = await makeInvoice(setup.request, {
    contractId: freelancer.contractId,
    weeksAgo: 2,
    stage: 'pending',
  });
  const page = await signedInPage(browser, freelancer.email);
  await page.goto('/earnings/transactions');
  await page.getByRole('link', { name: 'Earnings reports' }).click();
  await expect(page.getByRole('heading', { name: 'Earnings reports', level: 1 })).toBeVisible();
  const net = `$${(released.netCents / 100).toFixed(2)}`;
  await atBothWidths(page, async () => {
    const byClient = page.getByRole('table', { name: /Earnings by client/ });
    await expect(byClient.getByRole('row', { name: /Acme Studio/ })).toContainText(net);
    await expect(page.getByRole('table', { name: /Earnings by week/ })).toContainText(
      /\d{4}-W\d{2}/,
    );
  });

  // The form is a GET: submitting the months shown puts them in the address.
  await page.getByRole('button', { name: 'Show report' }).click();
  await expect(page).toHaveURL(/\/earnings\/reports\?from=\d{4}-\d{2}&to=\d{4}-\d{2}$/);
  await expect(page.getByRole('table', { name: /Earnings by client/ })).toContainText(net);
  // A browser without a month picker may send anything: the error sits next to its field.
  await page.goto('/earnings/reports?from=last+year&to=2026-12');
  await expect(page.getByText('Enter the first month as YYYY-MM')).toBeVisible();
  await expect(page.getByLabel('From (month)')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV (by client)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^workbridge-earnings-by-client-.*\.csv$/);
  await setup.close();
  await page.context().close();
});

test('the client reads their spending by contract and by week', async ({ browser }) => {
  const setup = await browser.newContext();
  const client = await makeClient(setup.request);
  const freelancer = await makeFreelancer(setup.request, { clientEmail: client.email });
  const charged = await makeInvoice(setup.request, {
    contractId: freelancer.contractId,
    weeksAgo: 1,
    stage: 'in_review',
  });
  const page = await signedInPage(browser, client.email);
  await page.goto('/client');
  await page.getByRole('link', { name: 'Spending reports' }).click();
  await expect(page.getByRole('heading', { name: 'Spending reports', level: 1 })).toBeVisible();
  const gross = `$${(charged.grossCents / 100).toFixed(2)}`;
  await atBothWidths(page, async () => {
    await expect(page.getByRole('table', { name: /Spending by contract/ })).toContainText(gross);
    await expect(page.getByRole('table', { name: /Spending by week/ })).toContainText(gross);
  });
  await setup.close();
  await page.context().close();
});
