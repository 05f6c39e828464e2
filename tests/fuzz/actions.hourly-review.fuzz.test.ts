import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The hourly review part of the action fuzzing (see actions.fuzz.test.ts): approving and
// disputing a week, answering a dispute, ops' decision, each on a paid week of its own.
installRequestMocks();
installTestEncryptionKey();
const { HOURLY_REVIEW_CASES } = await import('@/tests/actions/cases/hourly-review');
const { runActionFuzz } = await import('./actions/runner');

runActionFuzz('hourly review: approvals, disputes, answers, decisions', HOURLY_REVIEW_CASES);
