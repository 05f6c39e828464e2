import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  expectNoAxeViolations,
  inviteLinkFromMail,
  sendHourlyInvite,
  signUpAsClient,
  uniqueEmail,
} from './helpers';

/** The header on each page names the signed-in person and the side they are on. */
async function expectSide(page: Page, email: string, side: RegExp, paths: string[]) {
  for (const path of paths) {
    await page.goto(path);
    const banner = page.getByRole('banner');
    await expect(banner).toContainText(`Signed in as ${email}`);
    await expect(banner).toContainText(side);
  }
}

async function journey(browser: Browser, javaScriptEnabled: boolean) {
  // axe runs inside the page, so it checks the pages on the JavaScript run only.
  const checkAxe = async (page: Page) => {
    if (javaScriptEnabled) await expectNoAxeViolations(page);
  };
  const dana = await (await browser.newContext({ javaScriptEnabled })).newPage();
  const other = await (await browser.newContext({ javaScriptEnabled })).newPage();
  const email = uniqueEmail('dana');
  await signUpAsClient(dana, { email, name: 'Dana Lee', workspace: 'Acme Studio' });
  await expect(dana.getByRole('banner')).toContainText('client side (Acme Studio)');
  // A client with no freelancer profile has nothing to switch to.
  await expect(dana.getByRole('button', { name: /Switch to/ })).toHaveCount(0);

  // Another client invites Dana's own address; Dana accepts on the browser already signed in.
  await signUpAsClient(other, {
    email: uniqueEmail('lee'),
    name: 'Lee Chen',
    workspace: 'Northwind',
  });
  await sendHourlyInvite(other, {
    email,
    firstName: 'Dana',
    lastName: 'Lee',
    title: 'Brand illustrations',
    rate: '40',
    weeklyLimit: '10',
  });
  const link = await inviteLinkFromMail(
    dana,
    email,
    'Lee Chen of Northwind invited you to work together on Workbridge',
  );
  await dana.goto(link);
  await dana.getByRole('button', { name: 'Accept the invitation' }).click();
  await expect(dana).toHaveURL(/\/onboarding$/);
  const banner = dana.getByRole('banner');
  await expect(banner).toContainText(`Signed in as ${email} · freelancer side`);
  await expect(banner.getByRole('link', { name: 'My onboarding' })).toBeVisible();
  await checkAxe(dana);
  await expectSide(dana, email, /· freelancer side/, ['/help', '/settings/account', '/']);

  // To the client side: the workspace's dashboard, and every page says "client side".
  await dana.getByRole('button', { name: 'Switch to client side' }).click();
  await expect(dana).toHaveURL(/\/client$/);
  await expect(dana.getByRole('heading', { level: 1, name: 'Acme Studio' })).toBeVisible();
  await expect(banner).toContainText(`Signed in as ${email} · client side (Acme Studio)`);
  await expect(banner.getByRole('link', { name: 'Client dashboard' })).toBeVisible();
  await expect(banner.getByRole('link', { name: 'My onboarding' })).toHaveCount(0);
  await checkAxe(dana);
  await expectSide(dana, email, /· client side \(Acme Studio\)/, [
    '/client/invites/new',
    '/help',
    '/settings/account',
  ]);

  // And back to the freelancer side.
  await dana.getByRole('button', { name: 'Switch to freelancer side' }).click();
  await expect(dana).toHaveURL(/\/onboarding$/);
  await expect(banner).toContainText(`Signed in as ${email} · freelancer side`);
  await expect(banner).not.toContainText('client side (Acme Studio)');
  await expect(banner.getByRole('button', { name: 'Switch to client side' })).toBeVisible();
  await checkAxe(dana);
}

test('a client who is also a freelancer switches sides from the header (JavaScript on)', async ({
  browser,
}) => {
  await journey(browser, true);
});

test('switching sides works with JavaScript turned off', async ({ browser }) => {
  await journey(browser, false);
});
