import { ACCOUNT_CASES } from './cases/accounts';
import { CLIENT_CASES } from './cases/client';
import { FREELANCER_CASES } from './cases/freelancer';
import { INVITE_ROUTE_CASES } from './cases/invite-routes';
import { LEDGER_ROUTE_CASES } from './cases/ledger';
import { ROUTE_CASES } from './cases/routes';
import { TEST_HOOK_CASES } from './cases/test-hooks';
import type { Entry } from './runner';

/**
 * One entry per server action and route handler, keyed "<file>#<export>". The coverage
 * test fails when the code has an endpoint this table does not name, or the other way round.
 */
export const MATRIX: Record<string, Entry> = {
  ...ACCOUNT_CASES,
  ...CLIENT_CASES,
  ...FREELANCER_CASES,
  ...INVITE_ROUTE_CASES,
  ...LEDGER_ROUTE_CASES,
  ...ROUTE_CASES,
  ...TEST_HOOK_CASES,
};
