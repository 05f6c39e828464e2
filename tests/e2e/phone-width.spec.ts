import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { makeClient, makeFreelancer, makeInvite, makePayments, signIn } from './factories';
import { PHONE_WIDTH } from './helpers';

/**
 * Every page the journeys visit, opened on a 390 px phone: none may be wider than the screen
 * (document.documentElement.scrollWidth <= 390) and axe finds nothing. The journeys check
 * the same on each page they pass through (expectNoAxeViolations); this spec reaches the
 * pages in one place, with records from the factories, so a layout that breaks on a phone
 * is caught even where no journey stops long enough to look.
 */
test.use({ viewport: { width: PHONE_WIDTH, height: 800 } });
// Each test opens several pages and runs axe on every one.
test.setTimeout(120_000);

/** What is wrong with each page on a phone: too wide, or an axe violation. */
async function phoneProblems(browser: Browser, email: string | null, paths: string[]) {
  const context = await browser.newContext({ viewport: { width: PHONE_WIDTH, height: 800 } });
  if (email) await signIn(context, email);
  const page = await context.newPage();
  const problems: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await expect(page).toHaveTitle(/\S/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE_WIDTH) problems.push(`${path} is ${width} px wide`);
    const { violations } = await new AxeBuilder({ page }).analyze();
    problems.push(...violations.map((v) => `${path}: ${v.id}: ${v.help}`));
  }
  await context.close();
  return problems;
}

test('signed-out pages fit a phone', async ({ browser, request }) => {
  const client = await makeClient(request);
  const invite = await makeInvite(request, {
    clientEmail: client.email,
    lastName: 'Fernández-Oliveira',
    title: 'Booking system for a chain of dental clinics',
  });
  const problems = await phoneProblems(browser, null, [
    '/',
    '/sign-in',
    '/sign-up',
    '/help',
    '/help/how-workbridge-works',
    '/help/service-fee',
    '/terms',
    new URL(invite.link).pathname,
  ]);
  // Every page is measured before failing, so one run names all that do not fit.
  expect(problems).toEqual([]);
});

test("the client's pages fit a phone", async ({ browser, request }) => {
  const client = await makeClient(request, { workspaceName: 'Acme Studio International' });
  const invite = await makeInvite(request, {
    clientEmail: client.email,
    title: 'Booking system for a chain of dental clinics',
    offer: 'fixed',
  });
  const hired = await makeFreelancer(request, {
    clientEmail: client.email,
    lastName: 'Fernández-Oliveira',
  });
  await makePayments(request, { contractId: hired.contractId });
  const problems = await phoneProblems(browser, client.email, [
    '/client',
    '/client/billing',
    '/client/transactions',
    '/client/invites/new',
    '/client/invites/bulk',
    `/client/invites/${invite.inviteId}`,
    `/client/invites/${invite.inviteId}/edit`,
    '/settings/account',
  ]);
  // Every page is measured before failing, so one run names all that do not fit.
  expect(problems).toEqual([]);
});

test("the freelancer's onboarding pages fit a phone", async ({ browser, request }) => {
  const beforeOffer = await makeFreelancer(request, { step: 'basic-info' });
  const problems = await phoneProblems(browser, beforeOffer.email, [
    '/onboarding',
    '/onboarding/contract',
  ]);
  const joined = await makeFreelancer(request, { step: 'joined' });
  problems.push(...(await phoneProblems(browser, joined.email, ['/onboarding/basic-info'])));
  const onboarded = await makeFreelancer(request, { step: 'contract' });
  problems.push(
    ...(await phoneProblems(browser, onboarded.email, ['/onboarding', '/onboarding/compliance'])),
  );
  // Every page is measured before failing, so one run names all that do not fit.
  expect(problems).toEqual([]);
});

test("the freelancer's settings pages fit a phone", async ({ browser, request }) => {
  const onboarded = await makeFreelancer(request, { step: 'contract' });
  await makePayments(request, { contractId: onboarded.contractId });
  const problems = await phoneProblems(browser, onboarded.email, [
    '/earnings/transactions',
    '/settings/payout',
    '/settings/tax',
    '/settings/profile',
    '/settings/visibility',
    '/settings/account',
  ]);
  // Every page is measured before failing, so one run names all that do not fit.
  expect(problems).toEqual([]);
});

test('a new account and the review queue fit a phone', async ({ browser }) => {
  const problems = await phoneProblems(browser, `new-${Date.now()}@example.com`, ['/welcome']);
  problems.push(
    ...(await phoneProblems(browser, 'ops@workbridge.test', [
      '/admin',
      '/admin/compliance',
      '/admin/audit',
    ])),
  );
  // Every page is measured before failing, so one run names all that do not fit.
  expect(problems).toEqual([]);
});

async function clientOnPhone(browser: Browser, request: APIRequestContext) {
  const client = await makeClient(request, { workspaceName: 'Acme Studio International' });
  const context = await browser.newContext({ viewport: { width: PHONE_WIDTH, height: 800 } });
  await signIn(context, client.email);
  return context.newPage();
}

test('on a phone the header takes two short lines', async ({ browser, request }) => {
  const page = await clientOnPhone(browser, request);
  await page.goto('/client');
  const header = await page.getByRole('banner').boundingBox();
  expect(header!.height).toBeLessThanOrEqual(100);
  await page.context().close();
});

test('the net-pay preview sits beside the invite form, and above Send on a phone', async ({
  browser,
  request,
}) => {
  const page = await clientOnPhone(browser, request);
  await page.goto('/client/invites/new');
  const preview = page.getByRole('complementary', { name: 'Net pay preview' });
  const send = await page.getByRole('button', { name: 'Send the invite' }).boundingBox();
  const onPhone = await preview.boundingBox();
  expect(onPhone!.y + onPhone!.height).toBeLessThanOrEqual(send!.y);

  // On a wide screen the preview sits beside the form, level with its first fields.
  await page.setViewportSize({ width: 1280, height: 900 });
  const wide = await preview.boundingBox();
  const email = await page.getByLabel('Email address').boundingBox();
  expect(wide!.x).toBeGreaterThan(email!.x + email!.width);
  expect(wide!.y).toBeLessThan(email!.y + 200);
  await page.context().close();
});
