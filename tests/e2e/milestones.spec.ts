import { expect, test } from '@playwright/test';
import { makeFixedContract, signedInPage } from './factories';
import { expectNoAxeViolations, openLatestEmail } from './helpers';

/**
 * Fixed price (SPEC 4.D): both sides wait for milestone 1 to be funded; the client funds it
 * from the milestone page, which says "Payment processing" until the settlement job has
 * settled the charge (it runs every minute), then the freelancer is emailed and may start.
 * Then a bonus, through its confirmation step, and the client ends the contract: the
 * funded milestone gets a refund request for the freelancer to answer.
 */
test('the client funds milestone 1 and pays a bonus', async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext();
  const made = await makeFixedContract(context.request, { title: 'Logo design' });
  await context.close();
  const path = `/contracts/${made.contractId}/milestones/${made.milestoneIds[0]}`;

  const freelancer = await signedInPage(browser, made.freelancer.email);
  await freelancer.goto(path);
  await expect(
    freelancer.getByRole('heading', { name: 'Milestone 1: First delivery', level: 1 }),
  ).toBeVisible();
  await expect(freelancer.getByText('Waiting for the client to fund milestone 1.')).toBeVisible();
  await expect(freelancer.getByRole('button', { name: 'Fund this milestone' })).toHaveCount(0);
  await expectNoAxeViolations(freelancer);

  const client = await signedInPage(browser, made.client.email);
  await client.goto(path);
  await expect(client.getByText('Waiting for the client to fund milestone 1.')).toBeVisible();
  await expect(client.getByLabel('Amount (USD)')).toHaveValue('500.00');
  await expect(client.getByText(/Charged to your default card: Visa/)).toBeVisible();
  await expectNoAxeViolations(client);
  // Below $5: refused next to the field, nothing charged.
  await client.getByLabel('Amount (USD)').fill('4');
  await client.getByRole('button', { name: 'Fund this milestone' }).click();
  await expect(client.locator('.field-error')).toHaveText('The amount is at least $5.');
  await client.getByLabel('Amount (USD)').fill('500');
  await client.getByRole('button', { name: 'Fund this milestone' }).click();
  await expect(client.getByRole('status').filter({ hasText: 'Payment processing' })).toBeVisible();
  await expect(client.getByRole('button', { name: 'Fund this milestone' })).toHaveCount(0);

  // The settlement job settles the charge within a minute or two.
  await expect(async () => {
    await client.reload();
    await expect(client.getByText('Funded: work in progress')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 180_000, intervals: [5_000] });
  const history = client.getByRole('region', { name: 'History' }).or(client.locator('ol.history'));
  await expect(history.getByText('Funding requested')).toBeVisible();
  await expect(history.getByText('Funded', { exact: true })).toBeVisible();
  await expect(client.getByText('Waiting for the client to fund milestone 1.')).toHaveCount(0);
  await expect(client.getByRole('link', { name: 'Ask for a refund' })).toBeVisible();
  await expectNoAxeViolations(client);

  const mail = await openLatestEmail(freelancer, made.freelancer.email, /Milestone 1 is funded/);
  expect(mail.hrefs.some((href) => href.endsWith(path))).toBe(true);
  await freelancer.goto(path);
  await expect(freelancer.getByRole('link', { name: 'Submit your work' })).toBeVisible();
  // In the freelancer's own time zone (basic info: Europe/Lisbon).
  await expect(freelancer.locator('ol.history')).toContainText('Lisbon time (Europe/Lisbon)');

  // A bonus: amount and message, then the confirmation.
  await client.getByRole('link', { name: 'Pay a bonus' }).click();
  await expect(client.getByRole('heading', { name: 'Pay a bonus', level: 1 })).toBeVisible();
  await client.getByLabel('Amount (USD)').fill('25');
  await client.getByLabel('Message to the freelancer (optional)').fill('Great sketches!');
  await client.getByRole('button', { name: 'Review the bonus' }).click();
  await expect(
    client.getByRole('heading', { name: 'Pay a bonus of $25.00 on “Logo design”?' }),
  ).toBeVisible();
  await expectNoAxeViolations(client);
  await client.getByRole('button', { name: 'Pay $25.00' }).click();
  await expect(client.getByRole('status').filter({ hasText: 'Payment processing' })).toBeVisible();
  // The freelancer is emailed once the settlement job has settled the bonus's charge.
  await expect(async () => {
    const bonus = await openLatestEmail(
      freelancer,
      made.freelancer.email,
      /paid you a bonus of \$25\.00/,
    );
    expect(bonus.text).toContain('Great sketches!');
  }).toPass({ timeout: 180_000 });

  // The client ends the contract: milestone 1's escrow goes the refund-request way.
  await client.goto(`/contracts/${made.contractId}`);
  await client.getByRole('link', { name: 'End contract' }).click();
  await expect(client.getByRole('heading', { name: 'End contract', level: 1 })).toBeVisible();
  await expectNoAxeViolations(client);
  await client.getByLabel('Message to the freelancer').fill('The project was cancelled.');
  await client.getByRole('button', { name: 'End the contract' }).click();
  await expect(client.getByText(/Ended on .*: The project was cancelled\./)).toBeVisible();
  await expect(client.getByRole('link', { name: 'End contract' })).toHaveCount(0);
  await expectNoAxeViolations(client);
  await freelancer.goto(path);
  await expect(freelancer.locator('ol.history').getByText('Refund requested')).toBeVisible();
  await expectNoAxeViolations(freelancer);
});
