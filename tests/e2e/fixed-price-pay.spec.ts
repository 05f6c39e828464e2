import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { checkLedger, makeFixedContract, signedInPage } from './factories';
import { expectNoAxeViolations, openLatestEmail } from './helpers';
import { resetClock } from './money-helpers';

/**
 * Issue 16's "Must show": a fixed-price contract of two milestones ($500, $1,250; 5% fee),
 * the clock moved on /dev/clock. Milestone 1: funded, submitted (message, link, PDF),
 * changes requested, resubmitted, approved (escrow → pending, available 5 days later).
 * Milestone 2: funded, submitted, and approved automatically by the billing tick 14 days
 * later. A bonus. After every money step the ledger's invariants hold and the contract's and
 * the freelancer's balances are what the money rules say. The clock's offset must reach the
 * route handlers, the server actions and the tick alike (lib/clock keeps it on globalThis).
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** "December 7, 2026": a date as the pages write it, `days` ahead of the real time. */
const dayAhead = (days: number) =>
  new Date(Date.now() + days * DAY_MS).toLocaleDateString('en-US', {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });

async function expectMoney(
  request: APIRequestContext,
  ids: { contractId: string; freelancerId: string },
  cents: { escrow: number; pending: number; available: number },
) {
  const { problems, balances } = await checkLedger(request, {
    contractIds: [ids.contractId],
    freelancerIds: [ids.freelancerId],
  });
  expect(problems).toEqual([]);
  expect(balances).toEqual({
    [`contract:${ids.contractId}:in_review`]: 0,
    [`contract:${ids.contractId}:escrow`]: cents.escrow,
    [`freelancer:${ids.freelancerId}:pending`]: cents.pending,
    [`freelancer:${ids.freelancerId}:available`]: cents.available,
    [`freelancer:${ids.freelancerId}:withdrawing`]: 0,
  });
}

/** Sets the development clock `days` ahead of the real time, then runs the billing tick. */
async function moveClockAndTick(page: Page, days: number) {
  await page.goto('/dev/clock');
  await page.getByLabel('Days ahead of the real time').fill(String(days));
  await page.getByRole('button', { name: 'Set the clock' }).click();
  await expect(page.getByText(`${days.toFixed(2)} days ahead of the real time`)).toBeVisible();
  await page.getByRole('button', { name: 'Run the billing tick now' }).click();
  await expect(page.getByRole('status')).toHaveText(/^The billing tick ran: \d+ items? handled\.$/);
}

/** The client funds a milestone on its page; the settlement job settles the card's charge. */
async function fund(client: Page, path: string, amount: string, axe: boolean) {
  await client.goto(path);
  await expect(client.getByLabel('Amount (USD)')).toHaveValue(amount);
  if (axe) await expectNoAxeViolations(client);
  await client.getByRole('button', { name: 'Fund this milestone' }).click();
  await expect(client.getByRole('status').filter({ hasText: 'Payment processing' })).toBeVisible();
  await expect(async () => {
    await client.reload();
    await expect(client.getByText('Funded: work in progress')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 180_000, intervals: [3_000] });
}

/** The freelancer submits the work through the upload form (no JavaScript needed). */
async function submit(freelancer: Page, path: string, message: string, axe: boolean) {
  await freelancer.goto(path);
  await freelancer.getByRole('link', { name: 'Submit your work' }).click();
  await expect(
    freelancer.getByRole('heading', { name: 'Submit the work', level: 1 }),
  ).toBeVisible();
  if (axe) await expectNoAxeViolations(freelancer);
  await freelancer.getByLabel('Message to the client').fill(message);
  await freelancer.getByLabel('Links (optional)').fill('https://example.com/sketches');
  await freelancer
    .getByLabel('Files (optional)')
    .setInputFiles({ name: 'sketches.pdf', mimeType: 'application/pdf', buffer: PDF });
  await freelancer.getByRole('button', { name: 'Submit the work' }).click();
  await expect(freelancer.getByText(/^Submitted\. The client has been emailed/)).toBeVisible();
}

test.beforeAll(resetClock);
test.afterAll(resetClock);

test('fixed price: fund, submit, changes, approve; automatic approval after 14 days; a bonus', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const setup = await browser.newContext();
  const made = await makeFixedContract(setup.request, { title: 'Brand identity' });
  await setup.close();
  const ids = { contractId: made.contractId, freelancerId: made.freelancer.userId };
  const [path1, path2] = made.milestoneIds.map(
    (id) => `/contracts/${made.contractId}/milestones/${id}`,
  );
  const client = await signedInPage(browser, made.client.email);
  const freelancer = await signedInPage(browser, made.freelancer.email);
  const money = (cents: Parameters<typeof expectMoney>[2]) =>
    expectMoney(client.request, ids, cents);
  await money({ escrow: 0, pending: 0, available: 0 });

  // Milestone 1: the client funds it; $500 goes into escrow once the charge settles.
  await fund(client, path1!, '500.00', true);
  await expectNoAxeViolations(client);
  await money({ escrow: 50_000, pending: 0, available: 0 });

  // The freelancer submits: a message, a link and a PDF.
  await freelancer.goto(path1!);
  await expect(freelancer.getByText('Funded: work in progress')).toBeVisible();
  await expectNoAxeViolations(freelancer);
  await submit(freelancer, path1!, 'First sketches attached.', true);

  // The client sees the submission on the review page and asks for changes.
  await client.goto(path1!);
  await client.getByRole('link', { name: 'Review the work' }).click();
  await expect(client.getByRole('heading', { name: 'Review the work', level: 1 })).toBeVisible();
  await expect(client.getByText('First sketches attached.')).toBeVisible();
  await expect(
    client.getByRole('list', { name: 'Links' }).getByRole('link', { name: /example\.com/ }),
  ).toBeVisible();
  const file = client.getByRole('list', { name: 'Files' }).getByRole('link', {
    name: 'sketches.pdf',
  });
  await expect(file).toBeVisible();
  const download = await client.request.get((await file.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await expectNoAxeViolations(client);
  await client.getByLabel('What should change').fill('Please try a darker blue.');
  await client.getByRole('button', { name: 'Request changes' }).click();
  await expect(
    client.getByText(/^Changes requested\. The freelancer has been emailed/),
  ).toBeVisible();
  await money({ escrow: 50_000, pending: 0, available: 0 });

  // The freelancer resubmits; the client approves: escrow → pending, less the $25 fee.
  await freelancer.goto(`${path1}/submit`);
  await expect(
    freelancer.getByText('The client asked for changes: this is your resubmission.'),
  ).toBeVisible();
  await submit(freelancer, path1!, 'Darker blue, as asked.', false);
  await client.goto(`${path1}/review`);
  await expect(client.getByText('Darker blue, as asked.')).toBeVisible();
  await client.getByRole('button', { name: 'Approve and release' }).click();
  await expect(client.getByText('Released. The freelancer has been emailed.')).toBeVisible();
  await money({ escrow: 0, pending: 47_500, available: 0 });
  await client.goto(path1!);
  const history1 = client.locator('ol.history');
  for (const step of ['Work submitted', 'Changes requested', 'Approved']) {
    await expect(history1.getByText(step, { exact: true }).first()).toBeVisible();
  }

  // Available 5 days after the release: not after 4 days, after 5.
  await moveClockAndTick(client, 4);
  await expectNoAxeViolations(client);
  await money({ escrow: 0, pending: 47_500, available: 0 });
  await moveClockAndTick(client, 5);
  await money({ escrow: 0, pending: 0, available: 47_500 });

  // Milestone 2, five days on: funded (a server action: its history is dated at the moved
  // clock's time) and submitted.
  await fund(client, path2!, '1250.00', false);
  await money({ escrow: 125_000, pending: 0, available: 47_500 });
  await expect(
    client.locator('ol.history li').filter({ hasText: 'Funding requested' }),
  ).toContainText(dayAhead(5));
  await submit(freelancer, path2!, 'The full brand book.', false);
  await client.goto(`${path2}/review`);
  const autoOn = client.locator('dt:text-is("Approved automatically on") + dd');
  const in19 = new Date(Date.now() + 19 * DAY_MS).toISOString().slice(0, 10);
  await expect(autoOn).toHaveText(new RegExp(`^${in19} \\d\\d:\\d\\d UTC$`));

  // 3 days before, the tick reminds the client; 14 days later without an answer it
  // approves it: escrow → pending, less the $62.50 fee.
  await moveClockAndTick(client, 16.5);
  await openLatestEmail(client, made.client.email, /“Final files” will be approved automatically/);
  await money({ escrow: 125_000, pending: 0, available: 47_500 });
  await moveClockAndTick(client, 19.5);
  await money({ escrow: 0, pending: 118_750, available: 47_500 });
  await client.goto(path2!);
  await expect(client.getByText('Approved and released to the freelancer')).toBeVisible();
  await expect(
    client.locator('ol.history').getByText('Approved automatically', { exact: true }),
  ).toBeVisible();
  await openLatestEmail(
    freelancer,
    made.freelancer.email,
    /“Final files” was approved automatically/,
  );

  // A bonus of $25: pending $23.75 more once its charge settles.
  await client.goto(path2!);
  await client.getByRole('link', { name: 'Pay a bonus' }).click();
  await expect(client.getByRole('heading', { name: 'Pay a bonus', level: 1 })).toBeVisible();
  await expectNoAxeViolations(client);
  await client.getByLabel('Amount (USD)').fill('25');
  await client.getByLabel('Message to the freelancer (optional)').fill('Thank you!');
  await client.getByRole('button', { name: 'Review the bonus' }).click();
  await expectNoAxeViolations(client);
  await client.getByRole('button', { name: 'Pay $25.00' }).click();
  await expect(client.getByRole('status').filter({ hasText: 'Payment processing' })).toBeVisible();
  await expect(async () => {
    await expectMoney(client.request, ids, { escrow: 0, pending: 121_125, available: 47_500 });
  }).toPass({ timeout: 180_000, intervals: [3_000] });

  // Five days after the last release, all of it is available.
  await moveClockAndTick(client, 25);
  await money({ escrow: 0, pending: 0, available: 168_625 });
});
