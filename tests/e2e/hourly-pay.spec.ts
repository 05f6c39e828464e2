import { expect, test, type Page } from '@playwright/test';
import { checkLedger, makeHourlyWeek, signedInPage } from './factories';
import { expectNoAxeViolations } from './helpers';
import {
  resetClock,
  available,
  expectLedger,
  inReview,
  isoDate,
  mondayOfNextWeek,
  moveClockTo,
  pending,
  runTickAndSettle,
  usd,
} from './money-helpers';

/**
 * Issue 15's "Must show" journey, with the clock moved through /dev/clock for the whole
 * server: the freelancer logs a week in the diary (manual time and the timer), the Monday
 * tick invoices and charges it, both sides see the invoice and its PDF, the client disputes
 * one day, the freelancer refunds half, and the rest is pending from Saturday and available
 * on the Wednesday after the review; a second contract's week is approved early. The ledger
 * is checked after every money step. The journey first moves the clock to next Monday
 * morning (UTC), so it runs the same whatever the day and hour it starts.
 */
test.setTimeout(240_000);
test.beforeAll(resetClock);
test.afterAll(resetClock);

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const FEE_BPS = 500;
const fee = (cents: number) => Math.round((cents * FEE_BPS) / 10_000);

async function openInvoice(page: Page, contractId: string) {
  await page.goto(`/contracts/${contractId}`);
  await expect(page.getByRole('heading', { name: 'Website redesign', level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  const table = page.getByRole('table', { name: /Invoices of this contract/ });
  await table
    .getByRole('link', { name: /^WB-\d{6}$/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /^Invoice WB-\d{6}$/, level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  const pdfHref = await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return page.getByRole('region', { name: 'Totals' });
}

test('a week of hourly work is logged, invoiced, disputed, partly refunded and paid out', async ({
  browser,
}) => {
  const monday = mondayOfNextWeek();
  const at = (days: number, hours = 0) =>
    new Date(monday.getTime() + days * DAY_MS + hours * HOUR_MS);
  const setup = await browser.newContext();
  const clock = await setup.newPage();
  // Next Monday between 00:00 and 12:00 UTC (the clock moves in half days): the timer's 12
  // hours then end on Monday too.
  const timerStart = await moveClockTo(clock, at(0));
  const a = await makeHourlyWeek(setup.request, {
    weekStart: isoDate(monday),
    days: 0,
    allowManualTime: true,
    weeklyLimitHours: 40,
  });
  // The second contract: the same client, another freelancer, 2 × 2 hours this week.
  const b = await makeHourlyWeek(setup.request, {
    clientEmail: a.clientEmail,
    weekStart: isoDate(monday),
    days: 2,
    hoursPerDay: 2,
  });
  const ids = {
    contractIds: [a.contractId, b.contractId],
    freelancerIds: [a.freelancerId, b.freelancerId],
  };
  const ledger = (expected: Record<string, number>) => expectLedger(setup.request, ids, expected);

  // The diary: the timer over 12 hours of Monday, then three hours typed in on Tuesday.
  const freelancer = await signedInPage(browser, a.freelancerEmail);
  const diary = `/contracts/${a.contractId}/diary`;
  await freelancer.goto(diary);
  await expect(freelancer.getByRole('heading', { name: 'Work diary', level: 1 })).toBeVisible();
  await freelancer.getByLabel('What are you working on?').fill('Checkout flow');
  await freelancer.getByRole('button', { name: 'Start the timer' }).click();
  await expect(freelancer.getByRole('button', { name: 'Stop the timer' })).toBeVisible();
  await expectNoAxeViolations(freelancer);
  await moveClockTo(clock, new Date(timerStart.getTime() + 12 * HOUR_MS));
  await expectNoAxeViolations(clock);
  await freelancer.goto(diary);
  await freelancer.getByRole('button', { name: 'Stop the timer' }).click();
  await expect(freelancer.getByRole('button', { name: 'Start the timer' })).toBeVisible();
  await moveClockTo(clock, at(1, 12));
  await freelancer.goto(diary);
  await freelancer.getByLabel('Date (UTC)').fill(isoDate(at(1)));
  await freelancer.getByLabel('From (UTC, 24-hour)').fill('09:00');
  await freelancer.getByLabel('To (UTC, 24-hour)').fill('12:00');
  await freelancer.getByLabel('Memo', { exact: true }).fill('Call with the client about checkout');
  await freelancer.getByRole('button', { name: 'Add manual time' }).click();
  await expect(
    freelancer.getByRole('cell', { name: 'Call with the client about checkout' }),
  ).toBeVisible();
  // The stop is a server action: it saw the moved clock, so the timer counted 12 hours or more.
  const recorded = freelancer
    .locator('dt', { hasText: /^Recorded$/ })
    .locator('xpath=following-sibling::dd[1]');
  await expect(recorded).toHaveText(/^1[5-9] h/);
  await expectNoAxeViolations(freelancer);
  await ledger({ [inReview(a.contractId)]: 0, [inReview(b.contractId)]: 0 });

  // Monday 12:00 UTC: the tick invoices both weeks and charges the client's card.
  await moveClockTo(clock, at(7, 12));
  await runTickAndSettle(clock);
  const { balances } = await checkLedger(setup.request, ids);
  const grossA = balances[inReview(a.contractId)]!;
  // 3 manual hours and 12 to 12⅓ tracked hours at $50.
  expect(grossA).toBeGreaterThanOrEqual(75_000);
  expect(grossA).toBeLessThanOrEqual(76_667);
  const grossB = 20_000;
  await ledger({ [inReview(a.contractId)]: grossA, [inReview(b.contractId)]: grossB });

  // Both sides see the invoice and its PDF.
  const client = await signedInPage(browser, a.clientEmail);
  await expect(await openInvoice(client, a.contractId)).toContainText(`You pay${usd(grossA)}`);
  await expect(await openInvoice(freelancer, a.contractId)).toContainText(
    usd(grossA - fee(grossA)),
  );

  // The client disputes Tuesday's manual entry: $150.00.
  await client.goto(`/contracts/${a.contractId}`);
  await client
    .getByRole('region', { name: 'Needs your review' })
    .getByRole('link', { name: /^Review WB-/ })
    .click();
  await expect(client.getByRole('heading', { name: /Review invoice WB-/, level: 1 })).toBeVisible();
  await expectNoAxeViolations(client);
  await client.getByLabel(/Call with the client about checkout/).check();
  await client.getByLabel('Why do you dispute these entries?').fill('We talked for one hour.');
  await client.getByRole('button', { name: 'Dispute the chosen entries' }).click();
  await expect(client.getByText('The dispute is open')).toBeVisible();
  await expect(client.getByText('$150.00 disputed')).toBeVisible();
  await expectNoAxeViolations(client);
  const disputeUrl = new URL(client.url()).pathname;
  await ledger({ [inReview(a.contractId)]: grossA, [pending(a.freelancerId)]: 0 });

  // The freelancer refunds half: $75.00 back to the client, $75.00 less its fee to them.
  await freelancer.goto(disputeUrl);
  await expect(freelancer.getByText('Your answer is needed')).toBeVisible();
  await expectNoAxeViolations(freelancer);
  await freelancer.getByLabel('Refund part').check();
  await freelancer.getByLabel('Amount to refund, in dollars').fill('75');
  await freelancer
    .getByLabel('Your reason (the client and ops read it)')
    .fill('Half of the call was about the checkout.');
  await freelancer.getByRole('button', { name: 'Send the answer' }).click();
  await expect(freelancer.getByText(/\$75\.00 refunded to the client/)).toBeVisible();
  await expectNoAxeViolations(freelancer);
  const disputedNet = 7_500 - (fee(15_000) - fee(7_500));
  const weekNet = grossA - 15_000 - (fee(grossA) - fee(15_000));
  await ledger({
    [inReview(a.contractId)]: grossA - 15_000,
    [pending(a.freelancerId)]: disputedNet,
    [available(a.freelancerId)]: 0,
  });

  // The second contract's week, approved early: pending at once.
  await client.goto(`/contracts/${b.contractId}`);
  await client
    .getByRole('region', { name: 'Needs your review' })
    .getByRole('link', { name: /^Review WB-/ })
    .click();
  await client.getByRole('link', { name: 'Approve now…' }).click();
  await expect(
    client.getByRole('heading', { name: /Approve invoice WB-/, level: 1 }),
  ).toBeVisible();
  await expectNoAxeViolations(client);
  await client.getByRole('button', { name: 'Approve now' }).click();
  await expect(client.getByText('You approved the week')).toBeVisible();
  await ledger({ [inReview(b.contractId)]: 0, [pending(b.freelancerId)]: grossB - fee(grossB) });

  // Saturday 00:00 UTC: the review ends; the rest of the week is pending.
  await moveClockTo(clock, at(12));
  await runTickAndSettle(clock);
  await ledger({
    [inReview(a.contractId)]: 0,
    [pending(a.freelancerId)]: disputedNet + weekNet,
    [available(a.freelancerId)]: 0,
  });

  // Tuesday: the early approval's and the dispute's money (5 days after) are available, the
  // week's not yet.
  await moveClockTo(clock, at(15, 12));
  await runTickAndSettle(clock);
  await ledger({
    [pending(a.freelancerId)]: weekNet,
    [available(a.freelancerId)]: disputedNet,
    [pending(b.freelancerId)]: 0,
    [available(b.freelancerId)]: grossB - fee(grossB),
  });

  // The Wednesday after the review: all of it is available.
  await moveClockTo(clock, at(16));
  await runTickAndSettle(clock);
  await ledger({
    [inReview(a.contractId)]: 0,
    [pending(a.freelancerId)]: 0,
    [available(a.freelancerId)]: disputedNet + weekNet,
  });
  await setup.close();
});
