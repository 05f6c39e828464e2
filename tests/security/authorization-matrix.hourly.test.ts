import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The hourly part of the authorization matrix (see authorization-matrix.test.ts): the work
// diary. Its cases make the victim's contract an active hourly one, so they get a file (and
// a database) of their own.
installRequestMocks();
installTestEncryptionKey();
const { HOURLY_CASES } = await import('@/tests/actions/cases/hourly');
const { runMatrix } = await import('./matrix/suite');

runMatrix('freelancers: the work diary', HOURLY_CASES);
