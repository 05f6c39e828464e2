import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The Find Work part of the action fuzzing (see actions.fuzz.test.ts): the home's side menu.
installRequestMocks();
installTestEncryptionKey();
const { FIND_WORK_CASES } = await import('@/tests/actions/cases/find-work');
const { runActionFuzz } = await import('./actions/runner');

runActionFuzz('freelancers: find work', FIND_WORK_CASES);
