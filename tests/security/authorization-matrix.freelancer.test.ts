import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The freelancer part of the authorization matrix (see authorization-matrix.test.ts).
installRequestMocks();
installTestEncryptionKey();
const { FREELANCER_CASES } = await import('@/tests/actions/cases/freelancer');
const { runMatrix } = await import('./matrix/suite');

runMatrix('freelancers: onboarding, compliance and settings', FREELANCER_CASES);
