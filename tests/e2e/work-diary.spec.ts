import { expect, test } from '@playwright/test';
import { makeClient, makeFreelancer, signedInPage } from './factories';
import { expectNoAxeViolations } from './helpers';

/**
 * The work diary (issue 15 item 1). The factory's contract starts tomorrow, so the journey
 * sees the timer refused before the start date, posted without JavaScript, and the
 * client's read-only view. The timer, manual time and the Monday tick with a moved clock
 * are in hourly-pay.spec.ts; the rules are covered by lib/hourly/service.test.ts.
 */
test.setTimeout(120_000);

test('the diary renders for both sides; the timer is refused before the start date, without JavaScript', async ({
  browser,
}) => {
  const setup = await browser.newContext();
  const client = await makeClient(setup.request);
  const freelancer = await makeFreelancer(setup.request, { clientEmail: client.email });
  const diary = `/contracts/${freelancer.contractId}/diary`;

  const page = await signedInPage(browser, freelancer.email, { javaScriptEnabled: false });
  await page.goto(diary);
  await expect(page.getByRole('heading', { name: 'Work diary', level: 1 })).toBeVisible();
  await expect(page.getByText('This contract does not allow manual time')).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Monday, / })).toBeVisible();
  await page.getByLabel('What are you working on?').fill('Checkout flow');
  await page.getByRole('button', { name: 'Start the timer' }).click();
  await expect(page.getByText(/The contract starts on \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expect(page.getByLabel('What are you working on?')).toHaveValue('Checkout flow');
  await page.context().close();

  // axe needs JavaScript: the freelancer's page in a browser with it, then the client's.
  const withJs = await signedInPage(browser, freelancer.email);
  await withJs.goto(diary);
  await expect(withJs.getByRole('button', { name: 'Start the timer' })).toBeVisible();
  await expectNoAxeViolations(withJs);
  await withJs.goto(`${diary}?week=2026-11-23`);
  await expect(withJs.getByRole('heading', { name: /Week of November 23, 2026/ })).toBeVisible();
  await withJs.context().close();

  const clientPage = await signedInPage(browser, client.email);
  await clientPage.goto(diary);
  await expect(clientPage.getByText("The freelancer's recorded time, read-only.")).toBeVisible();
  await expect(clientPage.getByRole('button', { name: 'Start the timer' })).toHaveCount(0);
  await expectNoAxeViolations(clientPage);
  // Anyone else gets the 404, as for an unknown id.
  const stranger = await makeClient(setup.request);
  const strangerPage = await signedInPage(browser, stranger.email);
  const response = await strangerPage.goto(diary);
  expect(response?.status()).toBe(404);
  await clientPage.context().close();
  await strangerPage.context().close();
  await setup.close();
});
