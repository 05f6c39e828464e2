import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The milestones part of the authorization matrix (see authorization-matrix.test.ts):
// funding a milestone and paying a bonus. Its cases switch the payment provider for the
// rest of the file, so they get a file (and a database) of their own.
installRequestMocks();
installTestEncryptionKey();
const { MILESTONE_CASES } = await import('@/tests/actions/cases/milestones');
const { runMatrix } = await import('./matrix/suite');

runMatrix('clients: milestones and bonuses', MILESTONE_CASES);
