import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The milestone-work part of the action fuzzing (see actions.fuzz.test.ts): its cases
// select the simulated payment provider for the rest of the file, so they get a file of
// their own.
installRequestMocks();
installTestEncryptionKey();
const { MILESTONE_WORK_CASES } = await import('@/tests/actions/cases/milestone-work');
const { CONTRACT_ENDING_CASES } = await import('@/tests/actions/cases/contract-ending');
const { runActionFuzz } = await import('./actions/runner');

runActionFuzz('milestones: review, refunds, ops decisions; ending a contract', {
  ...MILESTONE_WORK_CASES,
  ...CONTRACT_ENDING_CASES,
});
