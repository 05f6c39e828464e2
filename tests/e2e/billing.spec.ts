import { expect, test, type Browser } from '@playwright/test';
import { makeClient, signedInPage } from './factories';
import { expectNoAxeViolations } from './helpers';

/**
 * The client's billing methods with the simulated card processor: the dashboard asks for a
 * card before the first payment, a declined card gets its message (and the number is not
 * kept in the form), an approved one is listed by brand and last 4 and can become the default.
 */
async function journey(browser: Browser, javaScriptEnabled: boolean) {
  const checkAxe = async (page: Parameters<typeof expectNoAxeViolations>[0]) => {
    if (javaScriptEnabled) await expectNoAxeViolations(page);
  };
  const context = await browser.newContext();
  const client = await makeClient(context.request);
  await context.close();
  const page = await signedInPage(browser, client.email, { javaScriptEnabled });

  await page.goto('/client');
  const blockers = page.getByRole('region', { name: 'Before your first payment' });
  await expect(blockers).toBeVisible();
  await blockers.getByRole('link', { name: 'Add a billing method' }).click();
  await expect(page.getByRole('heading', { name: 'Billing methods', level: 1 })).toBeVisible();
  await expect(page.getByText('You have not added a billing method yet.')).toBeVisible();
  await checkAxe(page);

  // A declined card: its message, nothing listed, and the number is not sent back.
  await page.getByLabel('Card number').fill('4000 0000 0000 0002');
  await page.getByLabel('Expiry date (MM/YY)').fill('12/40');
  await page.getByRole('button', { name: 'Add this card' }).click();
  await expect(page.locator('.field-error')).toHaveText(
    'Your card was declined. Try another card.',
  );
  await expect(page.getByLabel('Card number')).toHaveValue('');
  await expect(page.getByLabel('Expiry date (MM/YY)')).toHaveValue('12/40');
  await expect(page.getByText('You have not added a billing method yet.')).toBeVisible();
  // (The hint names the test cards; the form state must not carry the number typed.)
  const declinedPage = await page.content();
  expect(declinedPage).not.toContain('4000000000000002');
  expect(declinedPage).not.toMatch(/cardNumber&quot;:&quot;|"cardNumber":"/);
  await checkAxe(page);

  // An approved card: listed as its brand and last 4, the default as the first card.
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByLabel('Expiry date (MM/YY)').fill('12/40');
  await page.getByRole('button', { name: 'Add this card' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Card added.' })).toBeVisible();
  const visa = page.getByRole('row', { name: /Visa •••• 4242/ });
  await expect(visa).toContainText('Default');
  expect(await page.content()).not.toContain('4242424242424242');

  // A second card, then made the default.
  await page.getByLabel('Card number').fill('5555 5555 5555 4444');
  await page.getByLabel('Expiry date (MM/YY)').fill('11/39');
  await page.getByRole('button', { name: 'Add this card' }).click();
  const mastercard = page.getByRole('row', { name: /Mastercard •••• 4444/ });
  await expect(mastercard).toBeVisible();
  await expect(mastercard).not.toContainText('Default');
  await mastercard.getByRole('button', { name: /Make default/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Default card changed.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Mastercard •••• 4444/ })).toContainText('Default');
  await expect(page.getByRole('row', { name: /Visa •••• 4242/ })).not.toContainText('Default');
  await checkAxe(page);

  // Removing the default asks first (a page of its own), then hands it to the card left.
  await page
    .getByRole('row', { name: /Mastercard •••• 4444/ })
    .getByRole('link', { name: /Remove/ })
    .click();
  const confirm = page.getByRole('region', { name: 'Remove your Mastercard ending in 4444?' });
  await expect(confirm).toContainText('Your Visa ending in 4242 becomes your default card.');
  await checkAxe(page);
  await confirm.getByRole('button', { name: /Remove this card/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Card removed.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Mastercard/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /Visa •••• 4242/ })).toContainText('Default');

  await page.goto('/client');
  await expect(page.getByRole('region', { name: 'Before your first payment' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Billing methods' })).toBeVisible();
}

test('a client adds a simulated card, sees it as its last 4 and makes another the default', async ({
  browser,
}) => {
  await journey(browser, true);
});

test('the same billing page works with JavaScript turned off', async ({ browser }) => {
  await journey(browser, false);
});
