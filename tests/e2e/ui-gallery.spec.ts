import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, PHONE_WIDTH } from './helpers';

/**
 * The gallery (/dev/ui) shows every component of components/ui in every state. Its pictures
 * at desktop and phone width are baselines kept beside this spec (toHaveScreenshot); a
 * change to a component's look fails here until the new pictures are accepted with
 * `npx playwright test ui-gallery --update-snapshots`.
 */
for (const width of [1280, PHONE_WIDTH]) {
  test(`the UI gallery at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/dev/ui');
    await expect(page.getByRole('heading', { name: 'UI gallery', level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(width);
    // The header changes with who is signed in; the components are what is compared.
    await expect(page.locator('main')).toHaveScreenshot(`gallery-${width}.png`, {
      maxDiffPixelRatio: 0.01,
    });
  });
}
