import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** Waits for the newest message to `to` in the local mailbox and returns its links. */
export async function openLatestEmail(page: Page, to: string, subject: RegExp | string) {
  await expect(async () => {
    await page.goto(`/dev/mail?to=${encodeURIComponent(to)}`);
    await expect(page.getByRole('link', { name: subject }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole('link', { name: subject }).first().click();
  await expect(page.getByRole('heading', { name: 'Links in this message' })).toBeVisible();
  const hrefs = await page
    .getByRole('region', { name: 'Links in this message' })
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return { hrefs, text: await page.locator('pre.mail').innerText() };
}

/** The phone every page must fit (issue 19): no page may scroll sideways at this width. */
export const PHONE_WIDTH = 390;

/**
 * Fails when the page is wider than a 390 px phone. The viewport is narrowed for the
 * measurement and given back after, so a journey at desktop size checks each page it
 * passes through without changing what it sees next.
 */
export async function expectFitsPhone(page: Page) {
  const original = page.viewportSize();
  if (original?.width !== PHONE_WIDTH) {
    await page.setViewportSize({ width: PHONE_WIDTH, height: original?.height ?? 800 });
  }
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (original && original.width !== PHONE_WIDTH) await page.setViewportSize(original);
  expect(width, `${new URL(page.url()).pathname} at ${PHONE_WIDTH} px`).toBeLessThanOrEqual(
    PHONE_WIDTH,
  );
}

/** axe finds nothing on the page, and (unless told) the page fits a phone. */
export async function expectNoAxeViolations(page: Page, { checkWidth = true } = {}) {
  // After a server action redirects, Next.js streams the new page's <title> in a moment later.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  if (checkWidth) await expectFitsPhone(page);
}

/** Signs up a new client through the magic link and sets up a workspace. */
export async function signUpAsClient(
  page: Page,
  opts: { email: string; name: string; workspace: string; type?: RegExp },
) {
  await page.goto('/sign-up');
  await page.getByLabel('Email address').fill(opts.email);
  await page.getByRole('button', { name: 'Email me a sign-up link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const { hrefs } = await openLatestEmail(page, opts.email, 'Your Workbridge sign-in link');
  await page.goto(hrefs.find((h) => h.includes('/sign-in/confirm'))!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Workbridge' })).toBeVisible();
  await page.getByLabel('I want to hire freelancers').check();
  await page.getByLabel('Your name').fill(opts.name);
  await page.getByLabel('Workspace name').fill(opts.workspace);
  await page.getByLabel(opts.type ?? /^Company/).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: opts.workspace })).toBeVisible();
}

export function isoDate(daysFromNow: number): string {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

/** Fills the invite form with an hourly offer and sends it. */
export async function sendHourlyInvite(
  page: Page,
  opts: {
    email: string;
    firstName: string;
    lastName: string;
    title: string;
    rate: string;
    weeklyLimit: string;
  },
) {
  await page.goto('/client/invites/new');
  await page.getByLabel('Email address').fill(opts.email);
  await page.getByLabel('First name').fill(opts.firstName);
  await page.getByLabel('Last name').fill(opts.lastName);
  await page.getByLabel('Contract title').fill(opts.title);
  await page.getByLabel('Start date').fill(isoDate(1));
  await page.getByLabel('Hourly', { exact: true }).check();
  await page.getByLabel('Hourly rate (USD)').fill(opts.rate);
  await page.getByLabel('Weekly limit in hours').fill(opts.weeklyLimit);
  await page.getByRole('button', { name: 'Send the invite' }).click();
  await expect(page.getByText('The invite is saved and its email is on its way.')).toBeVisible();
}

export async function inviteLinkFromMail(
  page: Page,
  to: string,
  subject: RegExp | string,
): Promise<string> {
  const { hrefs } = await openLatestEmail(page, to, subject);
  const link = hrefs.find((h) => h.includes('/invite/'));
  expect(link).toBeDefined();
  return link!;
}

/** Signs an existing account in on this page's browser with a link from the local mailbox. */
export async function signInWithEmailLink(page: Page, email: string) {
  const subject = 'Your Workbridge sign-in link';
  // An address that signed in before has older links in the mailbox: wait for the new one.
  const linksSent = async () => {
    await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
    return page.getByRole('link', { name: subject }).count();
  };
  const before = await linksSent();
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expect.poll(linksSent, { timeout: 30_000 }).toBeGreaterThan(before);
  const { hrefs } = await openLatestEmail(page, email, subject);
  await page.goto(hrefs.find((h) => h.includes('/sign-in/confirm'))!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${email}`);
}

/** Fills and signs the W-8BEN as Alex Kim, living in Portugal (tax id 298115604). */
export async function signW8benAsAlexKim(page: Page) {
  await page.getByLabel('Full name', { exact: true }).fill('Alex Kim');
  await page.getByLabel('Country of citizenship').selectOption('PT');
  await page.getByLabel('Street address').fill('Rua Augusta 1');
  await page.getByLabel('City or town').fill('Lisboa');
  await page.getByLabel('Country of residence').selectOption('PT');
  await page.getByLabel('Foreign tax identification number').fill('298115604');
  await page.getByLabel(/I certify that I am not a U\.S\. person/).check();
  await page.getByLabel('Signature: type your full name').fill('Alex Kim');
  await page.getByRole('button', { name: 'Sign and save' }).click();
}
