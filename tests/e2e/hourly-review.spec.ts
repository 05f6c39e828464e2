import { expect, test } from '@playwright/test';
import { makeContract, makeFreelancer, makeReviewWeek, signedInPage } from './factories';
import { expectNoAxeViolations } from './helpers';

/** Listed in ADMIN_EMAILS for the e2e server (playwright.config.ts). */
const OPS_EMAIL = 'ops@workbridge.test';

test.setTimeout(180_000);

test('the client disputes an entry, the freelancer rejects, ops pays; another week is approved early', async ({
  browser,
}) => {
  const setup = await browser.newContext();
  const freelancer = await makeFreelancer(setup.request);
  const clientEmail = freelancer.client.email;
  const week = await makeReviewWeek(setup.request, { contractId: freelancer.contractId });

  const client = await signedInPage(browser, clientEmail);
  await client.goto(`/contracts/${week.contractId}/invoices/${week.invoiceId}/review`);
  await expect(client.getByRole('heading', { name: /Review invoice WB-/, level: 1 })).toBeVisible();
  await expect(client.getByText('Booking form')).toBeVisible();
  await expectNoAxeViolations(client);
  await client.getByLabel(/Call with the client/).check();
  await client.getByLabel('Why do you dispute these entries?').fill('The call took 20 minutes.');
  await client.getByRole('button', { name: 'Dispute the chosen entries' }).click();
  await expect(client.getByText('The dispute is open')).toBeVisible();
  await expect(client.getByText('$41.67 disputed')).toBeVisible();
  await expectNoAxeViolations(client);
  const disputeUrl = new URL(client.url()).pathname;
  const disputeId = disputeUrl.split('/').at(-1)!;

  const own = await signedInPage(browser, freelancer.email);
  await own.goto(disputeUrl);
  await expect(own.getByText('Your answer is needed')).toBeVisible();
  await expectNoAxeViolations(own);
  await own.getByLabel('Reject the dispute').check();
  await own
    .getByLabel('Your reason (the client and ops read it)')
    .fill('The call took 50 minutes, as tracked.');
  await own.getByRole('button', { name: 'Send the answer' }).click();
  await expect(own.getByText('Your answer is sent')).toBeVisible();
  await expect(own.getByText('Waiting for the operations team')).toBeVisible();

  const ops = await signedInPage(browser, OPS_EMAIL);
  await ops.goto('/admin/disputes');
  await expect(ops.getByRole('heading', { name: 'Disputes awaiting ops', level: 1 })).toBeVisible();
  await expectNoAxeViolations(ops);
  await ops.goto(`/admin/disputes/${disputeId}`);
  await expectNoAxeViolations(ops);
  await ops.getByLabel('Pay the freelancer').check();
  await ops.getByLabel('Note to both sides').fill('The tracked time matches the memos.');
  await ops.getByRole('button', { name: 'Decide', exact: true }).click();
  await expect(ops.getByText('Decided: both sides are emailed')).toBeVisible();

  await client.goto(disputeUrl);
  await expect(client.getByText(/Paid to the freelancer/)).toBeVisible();
  await expectNoAxeViolations(client);

  const second = await makeContract(setup.request, {
    clientEmail,
    freelancerEmail: freelancer.email,
    offer: 'hourly',
  });
  const next = await makeReviewWeek(setup.request, { contractId: second.contractId });
  await client.goto(`/contracts/${next.contractId}/invoices/${next.invoiceId}/review`);
  await client.getByRole('link', { name: 'Approve now…' }).click();
  await expect(
    client.getByRole('heading', { name: /Approve invoice WB-/, level: 1 }),
  ).toBeVisible();
  await expectNoAxeViolations(client);
  await client.getByRole('button', { name: 'Approve now' }).click();
  await expect(client.getByText('You approved the week')).toBeVisible();
  await expect(client.getByText('You already approved this week.')).toBeVisible();
  await expectNoAxeViolations(client);
  await setup.close();
});
