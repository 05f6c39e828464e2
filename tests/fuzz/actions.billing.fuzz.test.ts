import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The billing part of the action fuzzing (see actions.fuzz.test.ts): its cases switch the
// payment provider for the rest of the file, so they get a file of their own.
installRequestMocks();
installTestEncryptionKey();
const { BILLING_CASES } = await import('@/tests/actions/cases/billing');
const { runActionFuzz } = await import('./actions/runner');

runActionFuzz('clients: billing methods', BILLING_CASES);
