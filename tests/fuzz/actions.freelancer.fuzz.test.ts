import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The freelancer part of the action fuzzing (see actions.fuzz.test.ts).
installRequestMocks();
installTestEncryptionKey();
const { FREELANCER_CASES } = await import('@/tests/actions/cases/freelancer');
const { runActionFuzz } = await import('./actions/runner');

runActionFuzz('freelancers: onboarding, compliance and settings', FREELANCER_CASES);
