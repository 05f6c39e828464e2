import { buildCustomRoute } from 'next/dist/lib/build-custom-route';
import nextConfig from '@/next.config';

/**
 * Pages that show payout or tax data must not be kept by a browser or proxy. The header
 * rules are matched here the way Next.js matches them (its own route builder); the browser
 * journeys check the header as actually sent.
 */
async function cacheControlFor(path: string): Promise<string[]> {
  const rules = (await nextConfig.headers?.()) ?? [];
  return rules
    .filter((rule) => new RegExp(buildCustomRoute('header', rule).regex).test(path))
    .flatMap((rule) => rule.headers)
    .filter((header) => header.key.toLowerCase() === 'cache-control')
    .map((header) => header.value);
}

it.each([
  '/settings',
  '/settings/payout',
  '/settings/tax',
  '/onboarding',
  '/onboarding/contract/0b9e8f62-1d2c-4c3b-9a55-6f1f0e2d7a10',
  '/onboarding/basic-info',
  '/contracts/0b9e8f62-1d2c-4c3b-9a55-6f1f0e2d7a10',
  '/contracts/0b9e8f62-1d2c-4c3b-9a55-6f1f0e2d7a10/diary',
  '/invoices/0b9e8f62-1d2c-4c3b-9a55-6f1f0e2d7a10',
])('%s is sent with Cache-Control: no-store', async (path) => {
  expect(await cacheControlFor(path)).toEqual(['no-store']);
});

it.each([
  '/',
  '/help',
  '/onboardingx',
  '/freelancers/alex-k-abc234',
  // The PDF route sends its own `private, no-store`: one Cache-Control, not two.
  '/invoices/0b9e8f62-1d2c-4c3b-9a55-6f1f0e2d7a10/pdf',
])('%s keeps the default caching', async (path) => {
  expect(await cacheControlFor(path)).toEqual([]);
});
