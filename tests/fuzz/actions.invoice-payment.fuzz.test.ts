import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The invoice payment part of the action fuzzing (see actions.fuzz.test.ts): "Pay now" on an
// hourly week whose charge was declined, a file (and a database) of its own.
installRequestMocks();
installTestEncryptionKey();
const { INVOICE_PAYMENT_CASES } = await import('@/tests/actions/cases/invoice-payment');
const { runActionFuzz } = await import('./actions/runner');

runActionFuzz('invoice payment: pay now', INVOICE_PAYMENT_CASES);
