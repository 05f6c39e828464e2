import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The hourly part of the action fuzzing (see actions.fuzz.test.ts): the work diary's
// actions, on the victim's contract made an active hourly one, in a file of their own.
installRequestMocks();
installTestEncryptionKey();
const { HOURLY_CASES } = await import('@/tests/actions/cases/hourly');
const { runActionFuzz } = await import('./actions/runner');

runActionFuzz('freelancers: the work diary', HOURLY_CASES);
