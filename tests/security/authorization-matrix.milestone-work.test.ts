import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The milestone-work part of the authorization matrix (see authorization-matrix.test.ts):
// submission, review, refunds, ops decisions and the submitted files. Its cases select the
// simulated payment provider for the rest of the file, so they get a database of their own.
installRequestMocks();
installTestEncryptionKey();
const { MILESTONE_WORK_CASES } = await import('@/tests/actions/cases/milestone-work');
const { CONTRACT_ENDING_CASES } = await import('@/tests/actions/cases/contract-ending');
const { MILESTONE_ROUTE_CASES } = await import('./matrix/cases/milestone-routes');
const { runMatrix } = await import('./matrix/suite');

runMatrix('milestones: submission, review, refunds; ending a contract', {
  ...CONTRACT_ENDING_CASES,
  ...MILESTONE_WORK_CASES,
  ...MILESTONE_ROUTE_CASES,
});
