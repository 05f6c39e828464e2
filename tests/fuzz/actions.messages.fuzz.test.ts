import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The messages part of the action fuzzing (see actions.fuzz.test.ts): its case posts to the
// victims' contract thread, so it gets a file of its own.
installRequestMocks();
installTestEncryptionKey();
const { MESSAGE_CASES } = await import('@/tests/actions/cases/messages');
const { runActionFuzz } = await import('./actions/runner');

runActionFuzz('parties: messages', MESSAGE_CASES);
