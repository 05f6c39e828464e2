import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The client side of proposals in the authorization matrix (see authorization-matrix.test.ts):
// sorting, declining and sending an offer, a file (and a database) of its own.
installRequestMocks();
installTestEncryptionKey();
const { PROPOSAL_CLIENT_CASES } = await import('@/tests/actions/cases/proposals-client');
const { runMatrix } = await import('./matrix/suite');

runMatrix('clients: proposals', PROPOSAL_CLIENT_CASES);
