import { createSession } from '@/lib/auth/service';
import { diffSnapshots, snapshotDatabase } from '@/tests/helpers/db-snapshot';
import { startRequest } from '@/tests/helpers/request-context';
import { postRequest, routeArgs, statusOf } from '../calls';
import type { EndpointFn } from '../endpoints';
import { invoke, type Entry } from '../runner';
import { ROLES, type World } from '../world';

/**
 * Outside a test run (E2E_TEST_HOOKS unset, as everywhere but the browser journeys) these
 * routes do not exist for anybody: a 404 and nothing written, whoever asks and for whomever.
 * tests/routes/test-hooks.test.ts shows what they do when the flag is set.
 */
function absentOutsideTestRuns(body: (world: World) => Record<string, unknown>) {
  return async (fn: EndpointFn, world: World) => {
    const people = await world.people();
    await world.withEnv({ E2E_TEST_HOOKS: undefined }, async () => {
      for (const role of ROLES) {
        startRequest(
          role === 'anonymous' ? null : (await createSession(world.db, people[role].userId)).token,
        );
        const before = await snapshotDatabase(world.database);
        const request = postRequest('/api/test', {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body(world)),
        });
        expect(statusOf(await invoke(fn, routeArgs(request)))).toBe(404);
        expect(diffSnapshots(before, await snapshotDatabase(world.database))).toEqual([]);
      }
    });
  };
}

export const TEST_HOOK_CASES: Record<string, Entry> = {
  'app/api/test/session/route.ts#POST': {
    kind: 'dev-only',
    reason:
      'Signs anyone in without a link, for the browser journeys only: it exists only with E2E_TEST_HOOKS, which lib/env.ts refuses unless email goes to the local mailbox.',
    custom: absentOutsideTestRuns((world) => ({ email: world.victimFreelancer.email })),
  },
  'app/api/test/factories/route.ts#POST': {
    kind: 'dev-only',
    reason:
      'Builds clients, invites and freelancers for the browser journeys: it exists only with E2E_TEST_HOOKS, like the session hook.',
    custom: absentOutsideTestRuns((world) => ({
      kind: 'contract',
      clientEmail: world.victimClient.email,
      freelancerEmail: world.victimFreelancer.email,
    })),
  },
  'app/api/test/ledger/route.ts#POST': {
    kind: 'dev-only',
    reason:
      "Reads the ledger's invariants and some balances for the browser journeys: it exists only with E2E_TEST_HOOKS, like the session hook.",
    custom: absentOutsideTestRuns(() => ({ contractIds: [], freelancerIds: [] })),
  },
};
