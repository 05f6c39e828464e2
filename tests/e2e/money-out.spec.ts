import { expect, test, type Page } from '@playwright/test';
import { makeContract, makeHourlyWeek, makeInvoice, signIn, signedInPage } from './factories';
import { expectNoAxeViolations, openLatestEmail, signW8benAsAlexKim } from './helpers';
import {
  available,
  expectLedger,
  inReview,
  isoDate,
  mondayOfThisWeek,
  moveClockTo,
  pending,
  resetClock,
  runTickAndSettle,
  usd,
} from './money-helpers';

/**
 * Issue 17's "Must show" journey (SPEC 4.E), the clock moved on /dev/clock. One freelancer
 * earns an hourly week ($300, invoiced by the Monday tick) and a fixed-price milestone ($500,
 * funded, submitted and approved on its pages); /earnings shows the money in review, pending
 * with its dates and available as the clock moves. They withdraw $200 to a US bank account
 * (paid) and $100 to a PayPal address the simulated provider fails ("fail" in it): the $100
 * and its $2 fee come back, the email says so, and its retry to another PayPal address is
 * paid. A weekly schedule pays out the rest on the Wednesday tick. The timeline and the
 * reports agree with the ledger, whose invariants are checked after every money step.
 */
test.setTimeout(600_000);
test.beforeAll(resetClock);
test.afterAll(resetClock);

const DAY_MS = 86_400_000;
const HOURLY_NET = 30_000 - 1_500;
const FIXED_NET = 50_000 - 2_500;
const PAYPAL_FEE = 200;

/** The value of the <option> of `select` whose text matches `text`. */
async function optionValue(page: Page, label: string, text: RegExp) {
  const options = await page
    .getByLabel(label)
    .locator('option')
    .evaluateAll((all) =>
      all.map((o) => ({ text: o.textContent ?? '', value: (o as HTMLOptionElement).value })),
    );
  const found = options.find((o) => text.test(o.text));
  expect(found, `an option matching ${text} in ${JSON.stringify(options)}`).toBeTruthy();
  return found!.value;
}

const ON_ITS_WAY = /^Withdrawal on its way\./;

async function withdraw(
  page: Page,
  method: RegExp,
  dollars: string,
  retryHref?: string,
  outcome: RegExp = ON_ITS_WAY,
) {
  await page.goto(retryHref ?? '/earnings/withdraw');
  await expect(page.getByRole('heading', { name: 'Withdraw', level: 1 })).toBeVisible();
  await page
    .getByLabel('Payout method')
    .selectOption(await optionValue(page, 'Payout method', method));
  await page.getByLabel('Amount (USD)').fill(dollars);
  await page.getByRole('button', { name: 'Review the withdrawal' }).click();
  await expect(
    page.getByText(/^The fee for this method is \$\d+\.\d\d; the minimum/),
  ).toBeVisible();
  await page.getByRole('button', { name: `Withdraw $${dollars}` }).click();
  await expect(page.getByText(outcome)).toBeVisible();
}

async function addPayPal(page: Page, email: string) {
  await page.goto('/settings/payout?kind=paypal');
  await page.getByLabel('PayPal email address').fill(email);
  await page.getByRole('button', { name: 'Add this payout method' }).click();
  await expect(page.getByText('Payout method added.')).toBeVisible();
}

/** A balance figure of /earnings ("In review", "Pending", "Available"). */
const figure = (page: Page, label: string) =>
  page
    .locator('dt', { hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');

test('the money becomes available, is withdrawn (a payout fails and is retried) and paid out weekly', async ({
  browser,
}) => {
  const week = mondayOfThisWeek();
  const at = (days: number) => new Date(week.getTime() + days * DAY_MS);
  const setup = await browser.newContext();
  const clock = await setup.newPage();
  // The Monday after the worked week, 12:00 UTC: the tick invoices it.
  await moveClockTo(clock, at(7.5));
  const hourly = await makeHourlyWeek(setup.request, {
    weekStart: isoDate(week),
    days: 3,
    hoursPerDay: 2,
  });
  const fixed = await makeContract(setup.request, {
    clientEmail: hourly.clientEmail,
    freelancerEmail: hourly.freelancerEmail,
    title: 'Logo design',
    offer: 'fixed',
  });
  const f = hourly.freelancerId;
  const ids = { contractIds: [hourly.contractId, fixed.contractId], freelancerIds: [f] };
  const withdrawing = `freelancer:${f}:withdrawing`;
  const ledger = (expected: Record<string, number>) => expectLedger(setup.request, ids, expected);
  const money = (cents: { pending: number; available: number; withdrawing: number }) =>
    ledger({
      [pending(f)]: cents.pending,
      [available(f)]: cents.available,
      [withdrawing]: cents.withdrawing,
    });

  // The freelancer's payout methods (each in a 3-day hold from now) and tax information.
  const freelancer = await signedInPage(browser, hourly.freelancerEmail);
  await freelancer.goto('/settings/payout');
  await freelancer.getByLabel('Account holder name').fill('Alex Kim');
  await freelancer.getByLabel('Routing number').fill('021000021');
  await freelancer.getByLabel('Account number').fill('000123450417');
  await freelancer.getByLabel('Checking').check();
  await freelancer.getByRole('button', { name: 'Add this payout method' }).click();
  await expect(freelancer.getByText('Payout method added.')).toBeVisible();
  await addPayPal(freelancer, 'fail.alex@example.com');
  await addPayPal(freelancer, 'good.alex@example.com');
  await freelancer.goto('/settings/tax');
  await signW8benAsAlexKim(freelancer);
  await expect(freelancer.getByText('Tax information saved and signed.')).toBeVisible();

  // The tick invoices the week and charges the card: $300 in review.
  await runTickAndSettle(clock);
  await ledger({ [inReview(hourly.contractId)]: 30_000, [pending(f)]: 0, [available(f)]: 0 });

  // The milestone: funded by the client, submitted, approved: $475 pending for 5 days.
  const client = await signedInPage(browser, hourly.clientEmail);
  await client.goto(`/contracts/${fixed.contractId}`);
  const milestone = (await client
    .locator('a[href*="/milestones/"]')
    .first()
    .getAttribute('href'))!.match(/^\/contracts\/[^/]+\/milestones\/[0-9a-f-]{36}/)![0];
  await client.goto(milestone);
  await client.getByRole('button', { name: 'Fund this milestone' }).click();
  await expect(client.getByRole('status').filter({ hasText: 'Payment processing' })).toBeVisible();
  await expect(async () => {
    await runTickAndSettle(clock);
    await client.goto(milestone);
    await expect(client.getByText('Funded: work in progress')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 120_000, intervals: [2_000] });
  await freelancer.goto(`${milestone}/submit`);
  await freelancer.getByLabel('Message to the client').fill('The logo, in three sizes.');
  await freelancer.getByRole('button', { name: 'Submit the work' }).click();
  await expect(freelancer.getByText(/^Submitted\. The client has been emailed/)).toBeVisible();
  await client.goto(`${milestone}/review`);
  await client.getByRole('button', { name: 'Approve and release' }).click();
  await expect(client.getByText('Released. The freelancer has been emailed.')).toBeVisible();
  await ledger({ [inReview(hourly.contractId)]: 30_000 });
  await money({ pending: FIXED_NET, available: 0, withdrawing: 0 });

  await freelancer.goto('/earnings');
  await expect(figure(freelancer, 'In review')).toContainText(usd(30_000));
  await expect(figure(freelancer, 'Pending')).toContainText(usd(FIXED_NET));
  await expect(figure(freelancer, 'Available')).toContainText(usd(0));
  const dates = freelancer.getByRole('heading', { name: 'When pending money becomes available' });
  const firstDate = freelancer.locator('h3 + ul li time').first();
  await expect(dates).toBeVisible();
  expect((await firstDate.getAttribute('datetime'))!.slice(0, 10)).toBe(isoDate(at(12.5)));
  await expectNoAxeViolations(freelancer);

  // Saturday: the review is over, the week is pending until the Wednesday after.
  await moveClockTo(clock, at(12));
  await runTickAndSettle(clock);
  await ledger({ [inReview(hourly.contractId)]: 0 });
  await money({ pending: FIXED_NET + HOURLY_NET, available: 0, withdrawing: 0 });
  // Sunday: the milestone's money is available, the week's is still pending.
  await moveClockTo(clock, at(13));
  await runTickAndSettle(clock);
  await money({ pending: HOURLY_NET, available: FIXED_NET, withdrawing: 0 });
  await freelancer.goto('/earnings');
  await expect(figure(freelancer, 'In review')).toContainText(usd(0));
  await expect(figure(freelancer, 'Pending')).toContainText(usd(HOURLY_NET));
  await expect(figure(freelancer, 'Available')).toContainText(usd(FIXED_NET));
  const row = freelancer.locator('h3 + ul li').filter({ hasText: usd(HOURLY_NET) });
  expect((await row.locator('time').getAttribute('datetime'))!.slice(0, 10)).toBe(isoDate(at(16)));

  // Withdrawals need a sign-in within 30 minutes: the clock moved days, so sign in again.
  await signIn(freelancer.context(), hourly.freelancerEmail);
  await freelancer.goto('/earnings/withdraw');
  await expectNoAxeViolations(freelancer);
  await withdraw(freelancer, /^US bank account/, '200.00');
  await money({ pending: HOURLY_NET, available: FIXED_NET - 20_000, withdrawing: 20_000 });
  await withdraw(freelancer, /^PayPal f/, '100.00');
  const afterBoth = FIXED_NET - 20_000 - 10_000 - PAYPAL_FEE;
  await money({ pending: HOURLY_NET, available: afterBoth, withdrawing: 30_000 });

  // The payouts settle (the settlement job, every minute): the bank's is paid, PayPal's fails
  // and its amount and fee come back to available.
  await moveClockTo(clock, at(13.5));
  await expect(async () => {
    await money({
      pending: HOURLY_NET,
      available: afterBoth + 10_000 + PAYPAL_FEE,
      withdrawing: 0,
    });
  }).toPass({ timeout: 240_000, intervals: [5_000] });
  const mail = await openLatestEmail(
    freelancer,
    hourly.freelancerEmail,
    'Your withdrawal did not go through: the money is back',
  );
  const retryHref = mail.hrefs.find((h) => h.includes('/earnings/withdraw'));
  expect(retryHref).toBeTruthy();
  const retryPath = new URL(retryHref!).pathname + new URL(retryHref!).search;
  await freelancer.goto('/earnings/withdraw');
  const list = freelancer.getByRole('table', { name: /Your withdrawals/ });
  await expect(list.getByRole('row', { name: /Returned/ })).toHaveCount(1);
  await expect(list.getByRole('row', { name: /US bank account/ })).toContainText('Paid');
  await expectNoAxeViolations(freelancer);

  // The returned withdrawal's own page says why, and its "Try again" is the email's retry.
  await list.getByRole('link', { name: /\$100\.00 to PayPal f/ }).click();
  await expect(
    freelancer.getByRole('heading', { name: 'Withdrawal of $100.00', level: 1 }),
  ).toBeVisible();
  await expect(freelancer.getByText('This withdrawal came back', { exact: true })).toBeVisible();
  await expect(freelancer.getByText(/refused the payout/)).toBeVisible();
  await expect(
    freelancer.getByText('Returned to your available balance', { exact: true }),
  ).toBeVisible();
  await expectNoAxeViolations(freelancer);
  await freelancer.getByRole('button', { name: 'Try again' }).click();
  await expect(freelancer.getByText('Trying again', { exact: true })).toBeVisible();
  expect(new URL(freelancer.url()).pathname + new URL(freelancer.url()).search).toBe(retryPath);

  // The retry, to the other PayPal address. The clock moved 12 hours since the sign-in, so
  // the withdrawal waits for its emailed link: nothing moves until the link's button.
  await withdraw(
    freelancer,
    /^PayPal g/,
    '100.00',
    retryPath,
    /^We emailed you a link to confirm this withdrawal\. Nothing has left your balance yet\./,
  );
  await money({ pending: HOURLY_NET, available: afterBoth + 10_000 + PAYPAL_FEE, withdrawing: 0 });
  const confirmMail = await openLatestEmail(
    freelancer,
    hourly.freelancerEmail,
    'Confirm your Workbridge withdrawal',
  );
  const confirmHref = confirmMail.hrefs.find((h) => h.includes('/earnings/withdraw/confirm'));
  expect(confirmHref).toBeTruthy();
  await freelancer.goto(new URL(confirmHref!).pathname + new URL(confirmHref!).search);
  await expect(
    freelancer.getByRole('heading', { name: 'Confirm your withdrawal', level: 1 }),
  ).toBeVisible();
  await expect(
    freelancer.getByText(
      /^You asked to withdraw \$100\.00 to PayPal g\S+, with a fee of \$2\.00: \$102\.00 leaves your available balance\./,
    ),
  ).toBeVisible();
  await expectNoAxeViolations(freelancer);
  // Loading the link changed nothing; its button, pressed by keyboard, makes the withdrawal.
  await money({ pending: HOURLY_NET, available: afterBoth + 10_000 + PAYPAL_FEE, withdrawing: 0 });
  const confirmButton = freelancer.getByRole('button', { name: 'Confirm this withdrawal' });
  await confirmButton.focus();
  await freelancer.keyboard.press('Enter');
  await expect(freelancer.getByText(ON_ITS_WAY)).toBeVisible();
  await money({ pending: HOURLY_NET, available: afterBoth, withdrawing: 10_000 });
  await moveClockTo(clock, at(14));
  await expect(async () => {
    await money({ pending: HOURLY_NET, available: afterBoth, withdrawing: 0 });
  }).toPass({ timeout: 240_000, intervals: [5_000] });

  // The weekly schedule, set by keyboard: every Wednesday, to the bank account.
  await signIn(freelancer.context(), hourly.freelancerEmail);
  await freelancer.goto('/earnings/schedule');
  await expect(
    freelancer.getByRole('heading', { name: 'Withdrawal schedule', level: 1 }),
  ).toBeVisible();
  await expectNoAxeViolations(freelancer);
  const weekly = freelancer.getByLabel('Weekly, every Wednesday');
  await weekly.focus();
  await freelancer.keyboard.press('Space');
  await expect(weekly).toBeChecked();
  await freelancer.keyboard.press('Tab');
  await expect(freelancer.getByLabel('Threshold (USD)')).toBeFocused();
  await freelancer.keyboard.type('10');
  await freelancer.keyboard.press('Tab');
  await expect(freelancer.getByLabel('Payout method')).toBeFocused();
  await freelancer.keyboard.press('Tab');
  await expect(freelancer.getByRole('button', { name: 'Save the schedule' })).toBeFocused();
  await freelancer.keyboard.press('Enter');
  await expect(freelancer.getByText(/^Schedule saved\./)).toBeVisible();
  await expect(freelancer.getByLabel('Weekly, every Wednesday')).toBeChecked();

  // Wednesday: the week's money is available and the tick withdraws all of it.
  const rest = afterBoth + HOURLY_NET;
  await moveClockTo(clock, at(16));
  await runTickAndSettle(clock);
  await money({ pending: 0, available: 0, withdrawing: rest });
  await moveClockTo(clock, at(16.5));
  await expect(async () => {
    await money({ pending: 0, available: 0, withdrawing: 0 });
  }).toPass({ timeout: 240_000, intervals: [5_000] });

  // The timeline traces every withdrawal the ledger paid; the reports sum to what was earned.
  await freelancer.goto('/earnings');
  await expect(figure(freelancer, 'Available')).toContainText(usd(0));
  const timeline = freelancer.getByRole('table', { name: /Your money timeline/ });
  for (const cents of [20_000, 10_000, rest, HOURLY_NET, FIXED_NET]) {
    await expect(timeline).toContainText(usd(cents));
  }
  await expectNoAxeViolations(freelancer);
  // Each withdrawal's rows open its page: the weekly one's payout, paid.
  await timeline
    .getByRole('link', { name: /^Paid out:/ })
    .filter({ hasText: usd(rest) })
    .click();
  await expect(
    freelancer.getByRole('heading', { name: `Withdrawal of ${usd(rest)}`, level: 1 }),
  ).toBeVisible();
  await expect(freelancer.locator('[data-status="paid"]')).toBeVisible();
  await expectNoAxeViolations(freelancer);
  await freelancer.goto('/earnings/reports');
  const byClient = freelancer.getByRole('table', { name: /Earnings by client/ });
  await expect(byClient.getByRole('row', { name: /Acme Studio/ })).toContainText(
    usd(HOURLY_NET + FIXED_NET),
  );
  await expectNoAxeViolations(freelancer);
  const csvHref = await freelancer
    .getByRole('link', { name: 'Download CSV (by client)' })
    .getAttribute('href');
  const csv = await freelancer.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(((HOURLY_NET + FIXED_NET) / 100).toFixed(2));

  // More than a page of movements (12 more weeks, each charged and released), so /earnings
  // has "Older movements", then the page walked by keyboard alone.
  for (let weeksAgo = 3; weeksAgo <= 14; weeksAgo++) {
    await makeInvoice(setup.request, { contractId: hourly.contractId, weeksAgo, stage: 'pending' });
  }
  await walkEarningsByKeyboard(freelancer);
  await setup.close();
});

/**
 * Tabs through /earnings from the top, as someone without a mouse: every stop shows the focus
 * ring; the header's links come in order, each "Show the numbers" opens (Enter on the first,
 * Space on the second), and every timeline row's link and "Older movements" are reached.
 */
async function walkEarningsByKeyboard(page: Page) {
  await page.goto('/earnings');
  await expect(page.getByRole('link', { name: 'Older movements' })).toBeVisible();
  const stops: string[] = [];
  const keys = ['Enter', 'Space'];
  for (let i = 0; i < 200 && stops.at(-1) !== 'Older movements'; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        tag: el.tagName.toLowerCase(),
        text: (el.textContent ?? '').trim(),
        hasRing: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      };
    });
    if (!stop) break;
    expect(stop.hasRing, `a focus ring on the ${stop.tag} "${stop.text}"`).toBe(true);
    stops.push(stop.text);
    if (stop.tag === 'summary') {
      const key = keys.shift();
      expect(key, "no more than the two charts' disclosures").toBeTruthy();
      await page.keyboard.press(key!);
      await expect(page.locator('details:has(summary:focus)')).toHaveAttribute('open', '');
    }
  }
  const header = stops.indexOf('Withdraw');
  expect(stops.slice(header, header + 3)).toEqual(['Withdraw', 'All transactions', 'Reports']);
  expect(keys, 'both "Show the numbers" opened').toEqual([]);
  const firstSummary = stops.indexOf('Show the numbers');
  expect(firstSummary).toBeGreaterThan(header);
  // The timeline's 25 rows each link to their invoice or withdrawal, then the next page.
  const rowLinks = stops.filter((s) => /^(Charged|Released|Withdrawal requested|Paid out)/.test(s));
  expect(rowLinks).toHaveLength(25);
  expect(stops.at(-1)).toBe('Older movements');
}
