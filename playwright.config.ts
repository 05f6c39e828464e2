import { defineConfig } from '@playwright/test';

// E2E_PORT lets two checkouts on one machine run their journeys at the same time.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_APP_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: E2E_APP_URL,
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // The production build on a fresh embedded database, with the local mailbox.
    command: 'node scripts/e2e-server.mjs',
    url: `${E2E_APP_URL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(PORT),
      APP_URL: E2E_APP_URL,
      EMAIL_TRANSPORT: 'mailbox',
      // The simulated card processor: production refuses it unless chosen.
      PAYMENTS_PROVIDER: 'simulated',
      AUTH_SECRET: 'e2e-secret-0123456789abcdef0123456789abcdef',
      PGLITE_DIR: '.data/e2e/pglite',
      SEED_DEMO: 'true',
      ADMIN_EMAILS: 'ops@workbridge.test',
      // A fixed test key: production refuses to encrypt bank data without one.
      DATA_ENCRYPTION_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
      EMAIL_RETRY_DELAY_SECONDS: '1',
      // /api/test/session and /api/test/factories (tests/e2e/factories.ts): test runs only.
      E2E_TEST_HOOKS: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
