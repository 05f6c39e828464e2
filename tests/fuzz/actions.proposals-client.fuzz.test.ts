import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The client side of proposals in the action fuzzing (see actions.fuzz.test.ts): sorting,
// declining and sending an offer.
installRequestMocks();
installTestEncryptionKey();
const { PROPOSAL_CLIENT_CASES } = await import('@/tests/actions/cases/proposals-client');
const { runActionFuzz } = await import('./actions/runner');

runActionFuzz('clients: proposals', PROPOSAL_CLIENT_CASES);
