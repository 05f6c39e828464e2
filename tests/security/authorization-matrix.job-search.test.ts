import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The job search part of the authorization matrix (see authorization-matrix.test.ts): saved
// searches, a file (and a database) of its own.
installRequestMocks();
installTestEncryptionKey();
const { JOB_SEARCH_CASES } = await import('@/tests/actions/cases/job-search');
const { runMatrix } = await import('./matrix/suite');

runMatrix('freelancers: job search', JOB_SEARCH_CASES);
