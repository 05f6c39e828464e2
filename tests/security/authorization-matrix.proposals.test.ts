import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The proposals part of the authorization matrix (see authorization-matrix.test.ts): the
// freelancer's side (send with files, download them, withdraw), a file (and a database) of
// its own.
installRequestMocks();
installTestEncryptionKey();
const { PROPOSAL_CASES } = await import('@/tests/actions/cases/proposals');
const { PROPOSAL_ROUTE_CASES } = await import('./matrix/cases/proposal-routes');
const { runMatrix } = await import('./matrix/suite');

runMatrix('freelancers: proposals', { ...PROPOSAL_CASES, ...PROPOSAL_ROUTE_CASES });
