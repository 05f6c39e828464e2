import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The Find Work part of the authorization matrix (see authorization-matrix.test.ts): the
// home's side menu, which sets the victim's profile, in a file (and a database) of its own.
installRequestMocks();
installTestEncryptionKey();
const { FIND_WORK_CASES } = await import('@/tests/actions/cases/find-work');
const { runMatrix } = await import('./matrix/suite');

runMatrix('freelancers: find work', FIND_WORK_CASES);
