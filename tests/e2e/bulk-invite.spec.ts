import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  expectNoAxeViolations,
  isoDate,
  openLatestEmail,
  sendHourlyInvite,
  signUpAsClient,
  uniqueEmail,
} from './helpers';

const SUBJECT = 'Dana Lee of Acme Studio invited you to work together on Workbridge';

async function journey(browser: Browser, javaScriptEnabled: boolean) {
  // axe runs inside the page, so it checks the pages on the JavaScript run only.
  const checkAxe = async (page: Page) => {
    if (javaScriptEnabled) await expectNoAxeViolations(page);
  };
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const sam = uniqueEmail('sam');
  const rita = uniqueEmail('rita');
  const alex = uniqueEmail('alex');
  await signUpAsClient(page, {
    email: uniqueEmail('client'),
    name: 'Dana Lee',
    workspace: 'Acme Studio',
  });
  // Alex already has a pending invite, so the list's line for Alex is skipped.
  await sendHourlyInvite(page, {
    email: alex,
    firstName: 'Alex',
    lastName: 'Kim',
    title: 'Website redesign',
    rate: '50',
    weeklyLimit: '20',
  });

  // 1. The list and the shared offer; checking it shows a report line by line.
  await page.goto('/client');
  await page.getByRole('link', { name: 'Bulk invite' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Invite many freelancers at once' }),
  ).toBeVisible();
  await checkAxe(page);
  await page
    .getByLabel('Paste CSV')
    .fill(
      [
        'email,first name,last name,rate',
        `${sam},Sam,Ortiz,`,
        'sam at example.com,Bad,Address,',
        `${alex.toUpperCase()},Alex,Kim,`,
        `${rita},Rita,Moreno,60`,
      ].join('\n'),
    );
  await page.getByLabel('Contract title').fill('Logo refresh');
  await page.getByLabel('Start date').fill(isoDate(1));
  await page.getByLabel('Hourly', { exact: true }).check();
  await page.getByLabel('Hourly rate (USD)').fill('50');
  await page.getByLabel('Weekly limit in hours').fill('20');
  await page.getByRole('button', { name: 'Check the list' }).click();

  const report = page.getByRole('region', { name: 'Check before sending' });
  await expect(
    page.getByText(
      '2 will be sent, 2 skipped. Nothing has been sent yet: check the list, then confirm.',
    ),
  ).toBeVisible();
  await expect(report.getByRole('table')).toContainText('2 will be sent · 2 skipped');
  const line = (n: number) =>
    report
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: String(n), exact: true }) });
  await expect(line(2)).toContainText(sam);
  await expect(line(2)).toContainText('$50.00/h');
  await expect(line(2)).toContainText('Will send');
  await expect(line(3)).toContainText('Skipped: Enter one email address, like name@example.com.');
  await expect(line(4)).toContainText(
    'Skipped: You already have a pending invite to this address.',
  );
  await expect(line(5)).toContainText('Rita Moreno');
  await expect(line(5)).toContainText('$60.00/h');
  await expect(line(5)).toContainText('Will send');
  await checkAxe(page);

  // Nothing is sent before the client confirms.
  const elsewhere = await context.newPage();
  await elsewhere.goto('/client');
  await expect(elsewhere.getByRole('table')).toContainText('1 invite ·');
  await expect(elsewhere.getByRole('row', { name: /Rita Moreno/ })).toHaveCount(0);
  await elsewhere.close();

  // 2. Confirming sends the two rows the report approved.
  await report.getByRole('button', { name: 'Send 2 invites' }).click();
  await expect(page).toHaveURL(/\/client\?notice=bulk-sent&count=2$/);
  await expect(page.getByText('2 invites are on their way.')).toBeVisible();
  await expect(page.getByRole('table')).toContainText('3 invites');
  for (const name of ['Sam Ortiz', 'Rita Moreno']) {
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Logo refresh');
  }
  await expect(page.getByRole('row', { name: /Alex Kim/ })).toHaveCount(1);
  await expect(page.getByRole('row', { name: /Bad Address/ })).toHaveCount(0);
  await checkAxe(page);

  // Each invitee has the invitation, with the net pay of their own rate (5% fee).
  const ritaMail = await openLatestEmail(page, rita, SUBJECT);
  expect(ritaMail.text).toContain('$57.00 an hour');
  expect(ritaMail.hrefs.some((h) => h.includes('/invite/'))).toBe(true);
  const samMail = await openLatestEmail(page, sam, SUBJECT);
  expect(samMail.text).toContain('$47.50 an hour');
  await context.close();
}

test('a client checks a pasted CSV line by line, then sends the bulk invites (JavaScript on)', async ({
  browser,
}) => {
  await journey(browser, true);
});

test('the same bulk invite works with JavaScript turned off', async ({ browser }) => {
  await journey(browser, false);
});
