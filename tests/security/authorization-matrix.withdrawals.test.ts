import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The withdrawals part of the authorization matrix (see authorization-matrix.test.ts): its
// cases (the withdraw action, the Connect payout webhook) fund the victim freelancer's balance, so it gets a file (and a database) of its own.
installRequestMocks();
installTestEncryptionKey();
const { WITHDRAWAL_CASES } = await import('@/tests/actions/cases/withdrawals');
const { WITHDRAWAL_ROUTE_CASES } = await import('./matrix/cases/withdrawal-routes');
const { runMatrix } = await import('./matrix/suite');

runMatrix('freelancers: withdrawals', { ...WITHDRAWAL_CASES, ...WITHDRAWAL_ROUTE_CASES });
