import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The proposals part of the action fuzzing (see actions.fuzz.test.ts): sending and withdrawing.
installRequestMocks();
installTestEncryptionKey();
const { PROPOSAL_CASES } = await import('@/tests/actions/cases/proposals');
const { runActionFuzz } = await import('./actions/runner');

runActionFuzz('freelancers: proposals', PROPOSAL_CASES);
