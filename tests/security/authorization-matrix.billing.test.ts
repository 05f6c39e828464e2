import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The billing part of the authorization matrix (see authorization-matrix.test.ts): the
// client's billing methods and Stripe's webhook.
installRequestMocks();
installTestEncryptionKey();
const { BILLING_CASES } = await import('./matrix/cases/billing');
const { runMatrix } = await import('./matrix/suite');

runMatrix('clients: billing methods and payment webhooks', BILLING_CASES);
