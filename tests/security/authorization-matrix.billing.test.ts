import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The billing part of the authorization matrix (see authorization-matrix.test.ts): the
// client's billing methods. Its cases switch the payment provider for the rest of the file,
// so they get a file (and a database) of their own; Stripe's webhook is with the routes.
installRequestMocks();
installTestEncryptionKey();
const { BILLING_CASES } = await import('@/tests/actions/cases/billing');
const { runMatrix } = await import('./matrix/suite');

runMatrix('clients: billing methods', BILLING_CASES);
