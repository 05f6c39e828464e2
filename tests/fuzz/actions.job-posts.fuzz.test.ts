import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The job posts part of the action fuzzing (see actions.fuzz.test.ts), in a file of its own.
installRequestMocks();
installTestEncryptionKey();
const { JOB_POST_CASES } = await import('@/tests/actions/cases/job-posts');
const { runActionFuzz } = await import('./actions/runner');

runActionFuzz('clients: job posts', JOB_POST_CASES);
