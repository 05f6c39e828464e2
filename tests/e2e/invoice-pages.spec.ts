import { expect, test, type Browser, type Page } from '@playwright/test';
import { makeClient, makeFreelancer, makeInvoice, signedInPage } from './factories';
import { expectNoAxeViolations } from './helpers';

/**
 * Issue 15 items 3 and 6: the contract page and the invoice (page and PDF) as each side sees
 * them, at 1280 px and on a 390 px phone, with an hourly week invoiced and paid by the
 * factory (issueInvoice, the charge in review).
 */
test.setTimeout(120_000);

const usd = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

async function atBothWidths(page: Page, path: string, check: () => Promise<void>) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(path);
    await check();
    await expectNoAxeViolations(page);
  }
}

async function invoicedContract(browser: Browser) {
  const setup = await browser.newContext();
  const client = await makeClient(setup.request);
  const freelancer = await makeFreelancer(setup.request, { clientEmail: client.email });
  const invoice = await makeInvoice(setup.request, { contractId: freelancer.contractId });
  await setup.close();
  return { client, freelancer, invoice };
}

test('the client finds the contract, what needs their review, and prints the invoice', async ({
  browser,
}) => {
  const { client, freelancer, invoice } = await invoicedContract(browser);
  const page = await signedInPage(browser, client.email);
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto(`/client/invites/${freelancer.inviteId}`);
  await page.getByRole('link', { name: 'The contract: hours, invoices and reviews' }).click();
  await expect(page.getByRole('heading', { name: 'Website redesign', level: 1 })).toBeVisible();
  const contractPath = new URL(page.url()).pathname;
  expect(contractPath).toBe(`/contracts/${freelancer.contractId}`);

  await atBothWidths(page, contractPath, async () => {
    const review = page.getByRole('region', { name: 'Needs your review' });
    await expect(review.getByRole('link', { name: `Review ${invoice.number}` })).toHaveAttribute(
      'href',
      `/contracts/${freelancer.contractId}/invoices/${invoice.invoiceId}/review`,
    );
    await expect(page.getByRole('region', { name: /This week/ })).toContainText('Hours recorded');
    const last = page.getByRole('region', { name: 'Last invoice' });
    await expect(last).toContainText(`You pay${usd(invoice.grossCents)}`);
    await expect(last).toContainText('In your review until');
    const table = page.getByRole('table', { name: /Invoices of this contract/ });
    await expect(table.getByRole('row', { name: new RegExp(invoice.number) })).toContainText(
      usd(invoice.grossCents),
    );
  });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('link', { name: invoice.number, exact: true }).first().click();
  await expect(
    page.getByRole('heading', { name: `Invoice ${invoice.number}`, level: 1 }),
  ).toBeVisible();
  await atBothWidths(page, `/invoices/${invoice.invoiceId}`, async () => {
    const totals = page.getByRole('region', { name: 'Totals' });
    await expect(totals).toContainText(`You pay${usd(invoice.grossCents)}`);
    await expect(totals).toContainText(`Freelancer receives${usd(invoice.netCents)}`);
    await expect(page.getByRole('table', { name: `Lines of ${invoice.number}` })).toContainText(
      '7.50',
    );
  });

  // Printed, the page is the invoice alone: no site header, no links above it.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('body > header')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Download PDF' })).toBeHidden();
  await expect(page.getByRole('heading', { name: `Invoice ${invoice.number}` })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  const pdf = await page.request.get(`/invoices/${invoice.invoiceId}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(pdf.headers()['content-disposition']).toBe(`attachment; filename="${invoice.number}.pdf"`);
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await page.context().close();
});

test('the freelancer sees the week, the last invoice and what they receive', async ({
  browser,
}) => {
  const { freelancer, invoice } = await invoicedContract(browser);
  const page = await signedInPage(browser, freelancer.email);
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto('/onboarding');
  await page.getByRole('link', { name: 'Hours and invoices of Website redesign' }).click();
  await expect(page.getByRole('heading', { name: 'Website redesign', level: 1 })).toBeVisible();
  await atBothWidths(page, `/contracts/${freelancer.contractId}`, async () => {
    await expect(page.getByRole('region', { name: 'Needs your review' })).toHaveCount(0);
    const week = page.getByRole('region', { name: /This week/ });
    await expect(week).toContainText('UTC');
    // Her zone (Europe/Lisbon, from basic info) with UTC beside it.
    await expect(week).toContainText('Lisbon time (Europe/Lisbon)');
    await expect(week.getByRole('link', { name: 'Open the work diary' })).toHaveAttribute(
      'href',
      `/contracts/${freelancer.contractId}/diary`,
    );
    const last = page.getByRole('region', { name: 'Last invoice' });
    await expect(last).toContainText(`You receive${usd(invoice.netCents)}`);
    await expect(last).toContainText('In the client’s review until');
  });

  await atBothWidths(page, `/invoices/${invoice.invoiceId}`, async () => {
    const totals = page.getByRole('region', { name: 'Totals' });
    await expect(totals).toContainText(`You receive${usd(invoice.netCents)}`);
    await expect(totals).toContainText(`Client pays${usd(invoice.grossCents)}`);
  });
  await page.context().close();
});

test('another client gets a 404 for the invoice, its PDF and the contract', async ({ browser }) => {
  const { freelancer, invoice } = await invoicedContract(browser);
  const setup = await browser.newContext();
  const stranger = await makeClient(setup.request, { workspaceName: 'Elsewhere Ltd' });
  await setup.close();
  const page = await signedInPage(browser, stranger.email);
  for (const path of [
    `/invoices/${invoice.invoiceId}`,
    `/invoices/${invoice.invoiceId}/pdf`,
    `/contracts/${freelancer.contractId}`,
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text()).not.toContain(invoice.number);
  }
  await page.context().close();
});
