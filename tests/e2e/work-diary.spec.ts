import { expect, test } from '@playwright/test';
import { E2E_APP_URL } from '../../playwright.config';
import { makeClient, makeFreelancer, signedInPage } from './factories';
import { expectNoAxeViolations } from './helpers';

/**
 * The work diary (issue 15 item 1), with JavaScript off: the freelancer starts and stops
 * the timer with plain posts, sees the entry with its payment-protection badge, deletes it
 * through its confirmation page; the client reads the same week without any form. The
 * factory's contract starts tomorrow, so the dev clock is moved two days ahead first.
 */
test.setTimeout(180_000);

test('the freelancer records time without JavaScript; the client reads it', async ({ browser }) => {
  const setup = await browser.newContext();
  const client = await makeClient(setup.request);
  const freelancer = await makeFreelancer(setup.request, { clientEmail: client.email });
  const moved = await setup.request.post('/dev/clock/set', {
    form: { offsetDays: '2' },
    headers: { origin: E2E_APP_URL },
    maxRedirects: 0,
  });
  expect(moved.status()).toBe(303);

  try {
    const page = await signedInPage(browser, freelancer.email, { javaScriptEnabled: false });
    const diary = `/contracts/${freelancer.contractId}/diary`;
    await page.goto(diary);
    await expect(page.getByRole('heading', { name: 'Work diary', level: 1 })).toBeVisible();
    await expect(page.getByText('This contract does not allow manual time')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('What are you working on?').fill('Checkout flow');
    await page.getByRole('button', { name: 'Start the timer' }).click();
    await expect(page.getByText('Timer started.')).toBeVisible();
    await expect(page.getByText(/Running since .*: Checkout flow/)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Stop the timer' }).click();
    await expect(page.getByText('Timer stopped: the time is in your diary.')).toBeVisible();
    const row = page.getByRole('row', { name: /Checkout flow/ });
    await expect(row).toContainText('Tracked');
    await expect(row).toContainText('Covered by payment protection');
    await expect(row).toContainText(/Lisbon time \(Europe\/Lisbon/);
    await expectNoAxeViolations(page);

    // The client's view: the same entry, read-only.
    const clientPage = await signedInPage(browser, client.email);
    await clientPage.goto(diary);
    await expect(clientPage.getByRole('row', { name: /Checkout flow/ })).toBeVisible();
    await expect(clientPage.getByRole('button', { name: 'Start the timer' })).toHaveCount(0);
    await expect(clientPage.getByRole('link', { name: /^Delete/ })).toHaveCount(0);
    await expectNoAxeViolations(clientPage);
    await clientPage.context().close();

    await row.getByRole('link', { name: /^Delete/ }).click();
    await expect(page.getByRole('heading', { name: /Delete the entry of/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: /Delete this entry/ }).click();
    await expect(page.getByText('Entry deleted.')).toBeVisible();
    await expect(page.getByRole('row', { name: /Checkout flow/ })).toHaveCount(0);
    await page.context().close();
  } finally {
    await setup.request.post('/dev/clock/set', {
      form: { offsetDays: '0' },
      headers: { origin: E2E_APP_URL },
      maxRedirects: 0,
    });
    await setup.close();
  }
});
