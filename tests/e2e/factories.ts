import {
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
} from '@playwright/test';
import type { FactoryRequest } from '@/lib/test-hooks/schemas';
import type { MadeInvoice } from '@/lib/test-hooks/invoice-factory';
import type {
  MadeClient,
  MadeFixedContract,
  MadeFreelancer,
  MadeInvite,
} from '@/lib/test-hooks/factories';

/**
 * Journeys that start in the middle. The e2e server owns its embedded database (PGlite has
 * one process), so records are made by the server itself through /api/test/factories and a
 * browser is signed in through /api/test/session; both exist only because playwright.config.ts
 * sets E2E_TEST_HOOKS. Journeys that prove the whole path (invite-journey, sign-up) keep
 * going through the pages and /dev/mail.
 */
async function build<T>(request: APIRequestContext, body: FactoryRequest): Promise<T> {
  const response = await request.post('/api/test/factories', { data: body });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as T;
}

type Without<K extends FactoryRequest['kind']> = Omit<Extract<FactoryRequest, { kind: K }>, 'kind'>;

export const makeClient = (request: APIRequestContext, options: Without<'client'> = {}) =>
  build<MadeClient>(request, { kind: 'client', ...options });

export const makeInvite = (request: APIRequestContext, options: Without<'invite'>) =>
  build<MadeInvite>(request, { kind: 'invite', ...options });

/** A freelancer at an onboarding step ('contract', the accepted offer, unless told). */
export const makeFreelancer = (request: APIRequestContext, options: Without<'freelancer'> = {}) =>
  build<MadeFreelancer>(request, { kind: 'freelancer', ...options });

export const makeContract = (request: APIRequestContext, options: Without<'contract'>) =>
  build<MadeInvite>(request, { kind: 'contract', ...options });

/** The dev seed's demo weeks of money on an accepted hourly contract (lib/server/seed-money). */
export const makePayments = (request: APIRequestContext, options: Without<'payments'>) =>
  build<{ contractId: string }>(request, { kind: 'payments', ...options });

/** A paid hourly week under review on the contract (lib/test-hooks/review-week). */
export const makeReviewWeek = (request: APIRequestContext, options: Without<'review-week'>) =>
  build<{ contractId: string; invoiceId: string; entryIds: string[] }>(request, {
    kind: 'review-week',
    ...options,
  });

/** An hourly week invoiced and paid (in review, or released and pending): lib/test-hooks. */
export const makeInvoice = (request: APIRequestContext, options: Without<'invoice'>) =>
  build<MadeInvoice>(request, { kind: 'invoice', ...options });
/** An accepted fixed-price contract of two milestones whose client has a simulated card. */
export const makeFixedContract = (
  request: APIRequestContext,
  options: Without<'fixed-contract'> = {},
) => build<MadeFixedContract>(request, { kind: 'fixed-contract', ...options });

/**
 * Signs this browser context in as `email`, without the mailbox. The context's request
 * shares its cookie jar, so the session cookie the route sets is the browser's.
 */
export async function signIn(context: BrowserContext, email: string): Promise<void> {
  const response = await context.request.post('/api/test/session', { data: { email } });
  expect(response.status(), await response.text()).toBe(200);
}

/** A new browser (context and page) already signed in as `email`. */
export async function signedInPage(
  browser: Browser,
  email: string,
  options: { javaScriptEnabled?: boolean } = {},
) {
  const context = await browser.newContext(options);
  await signIn(context, email);
  return context.newPage();
}
