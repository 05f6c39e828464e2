import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { checkLedger } from './factories';

/**
 * The money journeys' steps on /dev/clock (the clock is moved for the whole server: every
 * process reads the offset from the database) and their ledger check.
 */
const DAY_MS = 86_400_000;
const HALF_DAY_MS = DAY_MS / 2;

export const usd = (cents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

/** The Monday 00:00 UTC of the real time's week (a fresh e2e server's clock is not moved). */
export function mondayOfThisWeek(): Date {
  const today = new Date();
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return new Date(midnight - ((today.getUTCDay() + 6) % 7) * DAY_MS);
}

/** The Monday after this week, 00:00 UTC. */
export function mondayOfNextWeek(): Date {
  return new Date(mondayOfThisWeek().getTime() + 7 * DAY_MS);
}

export const isoDate = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Moves the app's clock to `at` or up to 12 hours after it (the page's field takes half
 * days), through the form of /dev/clock, and waits for the page to show the new time.
 */
export async function moveClockTo(page: Page, at: Date): Promise<Date> {
  const days = Math.ceil((at.getTime() - Date.now()) / HALF_DAY_MS) / 2;
  await page.goto('/dev/clock');
  await page.getByLabel('Days ahead of the real time').fill(String(days));
  await page.getByRole('button', { name: 'Set the clock' }).click();
  await expect(page.getByText(`${days.toFixed(2)} days ahead of the real time`)).toBeVisible();
  const shown = new Date(
    (await page
      .locator('p', { hasText: "The app's time" })
      .locator('time')
      .getAttribute('datetime'))!,
  );
  expect(shown.getTime()).toBeGreaterThanOrEqual(at.getTime());
  expect(shown.getTime()).toBeLessThan(at.getTime() + HALF_DAY_MS);
  return shown;
}

/** "Run the billing tick now", then "Settle charges now" (the card job's run, without waiting). */
export async function runTickAndSettle(page: Page): Promise<void> {
  await page.goto('/dev/clock');
  await page.getByRole('button', { name: 'Run the billing tick now' }).click();
  await expect(page.getByRole('status')).toHaveText(/^The billing tick ran: \d+ items? handled\.$/);
  await page.getByRole('button', { name: 'Settle charges now' }).click();
  await expect(page.getByRole('status')).toHaveText(/^The settlement ran: \d+ charges? handled\.$/);
}

/**
 * The ledger's invariants hold and the named accounts hold exactly `expected` (cents by
 * account code; an account with no entries counts as 0).
 */
export async function expectLedger(
  request: APIRequestContext,
  ids: { contractIds: string[]; freelancerIds: string[] },
  expected: Record<string, number>,
): Promise<void> {
  const { problems, balances } = await checkLedger(request, ids);
  expect(problems).toEqual([]);
  const actual = Object.fromEntries(
    Object.keys(expected).map((code) => [code, balances[code] ?? 0]),
  );
  expect(actual).toEqual(expected);
}

export const inReview = (contractId: string) => `contract:${contractId}:in_review`;
export const pending = (freelancerId: string) => `freelancer:${freelancerId}:pending`;
export const available = (freelancerId: string) => `freelancer:${freelancerId}:available`;

/**
 * Puts the clock back to the real time. The journeys share one e2e server and run one after
 * another, so a journey that moves the clock starts from the real time and leaves it there.
 */
export async function resetClock({ browser }: { browser: Browser }): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.goto('/dev/clock');
    await page.getByLabel('Days ahead of the real time').fill('0');
    await page.getByRole('button', { name: 'Set the clock' }).click();
    await expect(page.locator('p', { hasText: "The app's time:" }).first()).toContainText(
      'the real time.',
    );
  } finally {
    await page.close();
  }
}
