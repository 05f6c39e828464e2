import { jest } from '@jest/globals';
import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The route-handler part of the authorization matrix (see authorization-matrix.test.ts).
installRequestMocks();
installTestEncryptionKey();
const { BILLING_ROUTE_CASES } = await import('./matrix/cases/billing-routes');
const { INVITE_ROUTE_CASES } = await import('./matrix/cases/invite-routes');
const { INVOICE_ROUTE_CASES } = await import('./matrix/cases/invoice-routes');
const { LEDGER_ROUTE_CASES } = await import('./matrix/cases/ledger');
const { REPORT_ROUTE_CASES } = await import('./matrix/cases/report-routes');
const { ROUTE_CASES } = await import('./matrix/cases/routes');
const { TEST_HOOK_CASES } = await import('./matrix/cases/test-hooks');
const { runMatrix } = await import('./matrix/suite');

// Auth.js logs each post it refuses for a missing CSRF token as an error (two lines: the
// message and its stack). Those refusals are what the matrix asks for; keep other errors.
const consoleError = console.error.bind(console);
let mutingAuthStack = false;
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    const first = String(args[0]);
    if (first.includes('[auth][error]') && first.includes('MissingCSRF')) {
      mutingAuthStack = true;
      return;
    }
    if (mutingAuthStack) {
      mutingAuthStack = false;
      return;
    }
    consoleError(...args);
  });
});
afterAll(() => jest.restoreAllMocks());

runMatrix('route handlers', {
  ...BILLING_ROUTE_CASES,
  ...INVITE_ROUTE_CASES,
  ...INVOICE_ROUTE_CASES,
  ...LEDGER_ROUTE_CASES,
  ...REPORT_ROUTE_CASES,
  ...ROUTE_CASES,
  ...TEST_HOOK_CASES,
});
