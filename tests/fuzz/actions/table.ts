import { ACCOUNT_FUZZ } from './cases/accounts';
import { BILLING_FUZZ } from './cases/billing';
import { CLIENT_FUZZ } from './cases/client';
import { FREELANCER_FUZZ } from './cases/freelancer';
import type { FuzzCase } from './runner';

/**
 * One entry per server action, keyed "<file>#<export>" as the matrix keys them. The coverage
 * test fails when the code has an action this table does not name, or the other way round.
 */
export const ACTION_FUZZ: Record<string, FuzzCase> = {
  ...ACCOUNT_FUZZ,
  ...BILLING_FUZZ,
  ...CLIENT_FUZZ,
  ...FREELANCER_FUZZ,
};
