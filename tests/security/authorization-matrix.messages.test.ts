import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

// The messages part of the authorization matrix (see authorization-matrix.test.ts): its case
// posts to the victims' contract thread, so it gets a file (and a database) of its own.
installRequestMocks();
installTestEncryptionKey();
const { MESSAGE_CASES } = await import('@/tests/actions/cases/messages');
const { runMatrix } = await import('./matrix/suite');

runMatrix('parties: messages', MESSAGE_CASES);
