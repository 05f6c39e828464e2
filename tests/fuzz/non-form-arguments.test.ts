import fc from 'fast-check';
import { createTestDatabase } from '@/tests/helpers/db';
import { diffSnapshots, snapshotDatabase } from '@/tests/helpers/db-snapshot';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';

/*
 * Next decodes the arguments of any request that names a server action, so a crafted request
 * can call an action with a string, a number, an object or nothing where a form belongs.
 * Every action (found from the code) must answer that with a structured refusal (or, for
 * the ones that take no input, its usual redirect), never a throw (a 500), and write nothing.
 */
installRequestMocks();
const { discoverEndpoints } = await import('@/tests/security/matrix/endpoints');
const { NOT_A_FORM } = await import('@/lib/forms');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const notAForm = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.constantFrom(
    null,
    undefined,
    true,
    [],
    ['email', 'x'],
    { get: 'x' },
    { email: 'a@example.com' },
    new Map(),
  ),
  fc.object(),
);

const isRedirect = (error: unknown) =>
  String((error as { digest?: unknown })?.digest ?? '').startsWith('NEXT_REDIRECT');

it('every server action refuses anything but a form, with a structured answer and no write', async () => {
  const actions = (await discoverEndpoints()).endpoints.filter((e) => e.kind === 'action');
  expect(actions.length).toBeGreaterThanOrEqual(25);
  for (const action of actions) {
    await fc.assert(
      fc.asyncProperty(notAForm, async (value) => {
        startRequest(null);
        const before = await snapshotDatabase(database);
        // Actions take (previous state, form) or (form); either way the form is the last argument.
        const args = action.fn.length >= 2 ? [null, value] : [value];
        let outcome: unknown;
        try {
          outcome = await action.fn(...args);
        } catch (error) {
          if (!isRedirect(error)) throw new Error(`${action.key} threw: ${String(error)}`);
          outcome = 'redirect';
        }
        if (action.fn.length > 0 && outcome !== 'redirect' && outcome !== undefined) {
          expect({ action: action.key, outcome }).toEqual({
            action: action.key,
            outcome: NOT_A_FORM,
          });
        }
        expect(diffSnapshots(before, await snapshotDatabase(database))).toEqual([]);
      }),
      { numRuns: 8 },
    );
  }
});
