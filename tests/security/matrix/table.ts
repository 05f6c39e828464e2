import type { ActionCase } from '@/tests/actions/case';
import { ACTION_CASES } from '@/tests/actions/table';
import { BILLING_ROUTE_CASES } from './cases/billing-routes';
import { INVITE_ROUTE_CASES } from './cases/invite-routes';
import { INVOICE_ROUTE_CASES } from './cases/invoice-routes';
import { LEDGER_ROUTE_CASES } from './cases/ledger';
import { MILESTONE_ROUTE_CASES } from './cases/milestone-routes';
import { PROPOSAL_ROUTE_CASES } from './cases/proposal-routes';
import { REPORT_ROUTE_CASES } from './cases/report-routes';
import { ROUTE_CASES } from './cases/routes';
import { TEST_HOOK_CASES } from './cases/test-hooks';
import { WITHDRAWAL_ROUTE_CASES } from './cases/withdrawal-routes';
import type { Entry } from './runner';

/** One entry per route handler, keyed "<file>#<method>". */
export const ROUTE_MATRIX: Record<string, Entry> = {
  ...BILLING_ROUTE_CASES,
  ...INVITE_ROUTE_CASES,
  ...INVOICE_ROUTE_CASES,
  ...LEDGER_ROUTE_CASES,
  ...MILESTONE_ROUTE_CASES,
  ...PROPOSAL_ROUTE_CASES,
  ...REPORT_ROUTE_CASES,
  ...ROUTE_CASES,
  ...TEST_HOOK_CASES,
  ...WITHDRAWAL_ROUTE_CASES,
};

/**
 * One entry per server action (the cases the fuzzer reads too: tests/actions/cases) and per
 * route handler. The coverage test fails when the code has an endpoint this table does not
 * name, or the other way round.
 */
export const MATRIX: Record<string, Entry | ActionCase> = { ...ACTION_CASES, ...ROUTE_MATRIX };
