import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The invoice payment part of the authorization matrix (see authorization-matrix.test.ts): "Pay now" on an
// hourly week whose charge was declined, a file (and a database) of its own.
installRequestMocks();
installTestEncryptionKey();
const { INVOICE_PAYMENT_CASES } = await import('@/tests/actions/cases/invoice-payment');
const { runMatrix } = await import('./matrix/suite');

runMatrix('invoice payment: pay now', INVOICE_PAYMENT_CASES);
