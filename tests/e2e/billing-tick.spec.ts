import { expect, test } from '@playwright/test';
import { makeHourlyWeek } from './factories';
import { expectNoAxeViolations, openLatestEmail } from './helpers';
import { isoDate, mondayOfThisWeek, moveClockTo, resetClock } from './money-helpers';

/**
 * The billing tick from the development clock (issue 15): a contract with last week's time,
 * "Run the billing tick now", and both sides get the invoice by email, with the link to it.
 * (The scheduled tick may get there first: the page then reports fewer items, the emails
 * are the same.) A week is invoiced at 12:00 UTC on the Monday after it, so on a Monday
 * morning the real time's last week is not due yet: the journey moves the clock to next
 * Monday 12:00 UTC and works this week, and so runs the same whatever the day and hour.
 */
test.beforeAll(resetClock);
test.afterAll(resetClock);

test('the development clock runs the billing tick: last week is invoiced and both sides emailed', async ({
  page,
}) => {
  const monday = mondayOfThisWeek();
  await moveClockTo(page, new Date(monday.getTime() + 7.5 * 86_400_000));
  const week = await makeHourlyWeek(page.request, {
    weekStart: isoDate(monday),
    days: 2,
    hoursPerDay: 3,
  });

  await page.goto('/dev/clock');
  await expect(page.getByRole('heading', { name: 'Development clock' })).toBeVisible();
  await page.getByRole('button', { name: 'Run the billing tick now' }).click();
  await expect(page.getByRole('status')).toHaveText(/^The billing tick ran: \d+ items? handled\.$/);
  await expectNoAxeViolations(page);

  const toClient = await openLatestEmail(page, week.clientEmail, /^Invoice WB-\d{6} for/);
  expect(toClient.text).toContain('6 hours');
  expect(toClient.text).toContain('$300.00');
  const invoiceLink = toClient.hrefs.find((href) => /\/invoices\/[0-9a-f-]{36}$/.test(href));
  expect(invoiceLink).toBeDefined();
  const toFreelancer = await openLatestEmail(page, week.freelancerEmail, /^Invoice WB-\d{6} for/);
  // $300.00 less the 5% service fee.
  expect(toFreelancer.text).toContain('$285.00');
  expect(toFreelancer.hrefs).toContain(invoiceLink);
});
