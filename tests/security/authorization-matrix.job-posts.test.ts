import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The job posts part of the authorization matrix (see authorization-matrix.test.ts), in a file
// (and a database) of its own like the other areas.
installRequestMocks();
installTestEncryptionKey();
const { JOB_POST_CASES } = await import('@/tests/actions/cases/job-posts');
const { runMatrix } = await import('./matrix/suite');

runMatrix('clients: job posts', JOB_POST_CASES);
