import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The hourly review part of the authorization matrix (see authorization-matrix.test.ts):
// approving and disputing a week, answering a dispute, ops' decision. A file (and a
// database) of its own: each case builds a paid week on the simulated processor.
installRequestMocks();
installTestEncryptionKey();
const { HOURLY_REVIEW_CASES } = await import('@/tests/actions/cases/hourly-review');
const { runMatrix } = await import('./matrix/suite');

runMatrix('hourly review: approvals, disputes, answers, decisions', HOURLY_REVIEW_CASES);
