import type { ActionCase } from './case';
import { ACCOUNT_CASES } from './cases/accounts';
import { BILLING_CASES } from './cases/billing';
import { CLIENT_CASES } from './cases/client';
import { CONTRACT_ENDING_CASES } from './cases/contract-ending';
import { FIND_WORK_CASES } from './cases/find-work';
import { FREELANCER_CASES } from './cases/freelancer';
import { HOURLY_CASES } from './cases/hourly';
import { HOURLY_REVIEW_CASES } from './cases/hourly-review';
import { INVOICE_PAYMENT_CASES } from './cases/invoice-payment';
import { JOB_POST_CASES } from './cases/job-posts';
import { JOB_SEARCH_CASES } from './cases/job-search';
import { MILESTONE_CASES } from './cases/milestones';
import { MILESTONE_WORK_CASES } from './cases/milestone-work';
import { MESSAGE_CASES } from './cases/messages';
import { PROPOSAL_CASES } from './cases/proposals';
import { PROPOSAL_CLIENT_CASES } from './cases/proposals-client';
import { WITHDRAWAL_CASES } from './cases/withdrawals';

/**
 * One case per server action, keyed "<file>#<export>", read by the authorization matrix and
 * the action fuzzer alike. Both fail when the code has an action this table does not name,
 * or the other way round.
 */
export const ACTION_CASES: Record<string, ActionCase> = {
  ...ACCOUNT_CASES,
  ...BILLING_CASES,
  ...CLIENT_CASES,
  ...CONTRACT_ENDING_CASES,
  ...FIND_WORK_CASES,
  ...FREELANCER_CASES,
  ...HOURLY_CASES,
  ...HOURLY_REVIEW_CASES,
  ...INVOICE_PAYMENT_CASES,
  ...JOB_POST_CASES,
  ...JOB_SEARCH_CASES,
  ...MILESTONE_CASES,
  ...MILESTONE_WORK_CASES,
  ...MESSAGE_CASES,
  ...PROPOSAL_CASES,
  ...PROPOSAL_CLIENT_CASES,
  ...WITHDRAWAL_CASES,
};
