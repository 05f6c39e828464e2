import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

/*
 * Input fuzzing of the server actions (issue 7): every action found from the code is posted
 * forms with hostile values (random and huge text, numbers that are not quite numbers,
 * files, repeated, missing and prototype-shaped fields) by the right kind of signed-in
 * person. Each call must answer with a form state or a redirect, never an error (a 500),
 * and a refusal must leave the database as it was. This file checks that every action is
 * fuzzed and runs the account and client parts; the freelancer and billing parts have files
 * of their own.
 */
installRequestMocks();
installTestEncryptionKey();
const { discoverEndpoints } = await import('@/tests/security/matrix/endpoints');
const { ACTION_CASES } = await import('@/tests/actions/table');
const { declarationOf } = await import('@/lib/actions/registry');
const { ACCOUNT_CASES } = await import('@/tests/actions/cases/accounts');
const { CLIENT_CASES } = await import('@/tests/actions/cases/client');
const { runActionFuzz } = await import('./actions/runner');

it('fuzzes every server action in the code, and nothing else; each one declares its form', async () => {
  const actions = (await discoverEndpoints()).endpoints.filter((e) => e.kind === 'action');
  const found = actions.map((e) => e.key);
  const listed = Object.keys(ACTION_CASES);
  expect({
    notFuzzed: found.filter((key) => !listed.includes(key)),
    goneFromTheCode: listed.filter((key) => !found.includes(key)),
    undeclared: actions.filter((e) => !declarationOf(e.fn)).map((e) => e.key),
  }).toEqual({ notFuzzed: [], goneFromTheCode: [], undeclared: [] });
  expect(found.length).toBeGreaterThanOrEqual(25);
});

runActionFuzz('accounts, clients and ops reviewers', { ...ACCOUNT_CASES, ...CLIENT_CASES });
