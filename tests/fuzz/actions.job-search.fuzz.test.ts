import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The job search part of the action fuzzing (see actions.fuzz.test.ts): saved searches.
installRequestMocks();
installTestEncryptionKey();
const { JOB_SEARCH_CASES } = await import('@/tests/actions/cases/job-search');
const { runActionFuzz } = await import('./actions/runner');

runActionFuzz('freelancers: job search', JOB_SEARCH_CASES);
