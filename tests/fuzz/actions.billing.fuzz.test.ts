import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The billing part of the action fuzzer (see actions.fuzz.test.ts).
installRequestMocks();
installTestEncryptionKey();
const { BILLING_FUZZ } = await import('./actions/cases/billing');
const { runActionFuzz } = await import('./actions/runner');

runActionFuzz('clients: billing methods', BILLING_FUZZ);
