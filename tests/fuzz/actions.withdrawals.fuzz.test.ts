import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The withdrawals part of the action fuzzing (see actions.fuzz.test.ts): its case funds the
// victim freelancer's balance, so it gets a file of its own.
installRequestMocks();
installTestEncryptionKey();
const { WITHDRAWAL_CASES } = await import('@/tests/actions/cases/withdrawals');
const { runActionFuzz } = await import('./actions/runner');

runActionFuzz('freelancers: withdrawals', WITHDRAWAL_CASES);
