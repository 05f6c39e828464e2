import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The milestones part of the action fuzzing (see actions.fuzz.test.ts): its cases switch
// the payment provider for the rest of the file, so they get a file of their own.
installRequestMocks();
installTestEncryptionKey();
const { MILESTONE_CASES } = await import('@/tests/actions/cases/milestones');
const { runActionFuzz } = await import('./actions/runner');

runActionFuzz('clients: milestones and bonuses', MILESTONE_CASES);
