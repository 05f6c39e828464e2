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

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}
