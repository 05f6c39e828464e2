import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

/*
 * The authorization matrix (issue 7): every server action and route handler, found from the
 * code, called as anonymous, another client, another freelancer, an ops reviewer and the
 * victims themselves, aimed at the victim's ids. The server actions' cases are shared with
 * the fuzzer (tests/actions/cases) and pin each action's actor kind. This file checks that
 * the table names every endpoint and that every action declares the actor its case pins,
 * and runs the account and client parts; the freelancer, billing and route parts have files
 * of their own (one database each, to keep each file short).
 */
installRequestMocks();
installTestEncryptionKey();
const { discoverEndpoints } = await import('./matrix/endpoints');
const { MATRIX, ROUTE_MATRIX } = await import('./matrix/table');
const { ACTION_CASES } = await import('@/tests/actions/table');
const { ACCOUNT_CASES } = await import('@/tests/actions/cases/accounts');
const { CLIENT_CASES } = await import('@/tests/actions/cases/client');
const { ADMITTED } = await import('@/tests/actions/declarations');
const { runMatrix } = await import('./matrix/suite');
const { declarationOf } = await import('@/lib/actions/registry');

/** The guards whose actor kind is fixed: any other kind would contradict the case's reason. */
const ACTOR_FOR_GUARD: Record<string, string> = {
  'admin-only': 'reviewer',
  'token-guarded': 'emailed-link',
  'public-by-design': 'anyone',
};

describe('the authorization matrix', () => {
  it('names every server action and route handler in the code, and nothing else', async () => {
    const { endpoints, problems } = await discoverEndpoints();
    const found = endpoints.map((e) => e.key);
    const listed = Object.keys(MATRIX);
    expect(problems).toEqual([]);
    expect({
      missingFromTheMatrix: found.filter((key) => !listed.includes(key)),
      goneFromTheCode: listed.filter((key) => !found.includes(key)),
    }).toEqual({ missingFromTheMatrix: [], goneFromTheCode: [] });
    // An action is covered by its shared case (tests/actions/cases), a route by a route case.
    const actions = endpoints.filter((e) => e.kind === 'action');
    const routes = endpoints.filter((e) => e.kind === 'route');
    expect({
      actionsWithoutACase: actions.filter((e) => !(e.key in ACTION_CASES)).map((e) => e.key),
      routesWithoutACase: routes.filter((e) => !(e.key in ROUTE_MATRIX)).map((e) => e.key),
    }).toEqual({ actionsWithoutACase: [], routesWithoutACase: [] });
    // Every action is made by the wrapper and declares the actor kind its case pins; the
    // pinned kind agrees with the case's guard and lets the rightful caller in.
    expect(actions.filter((e) => !declarationOf(e.fn)).map((e) => e.key)).toEqual([]);
    expect(
      actions.flatMap((e) => {
        const declared = declarationOf(e.fn)?.actor;
        const pinned = ACTION_CASES[e.key]?.actor;
        return declared === pinned
          ? []
          : [`${e.key} declares '${declared}', its case pins '${pinned}'`];
      }),
    ).toEqual([]);
    expect(
      Object.entries(ACTION_CASES).flatMap(([key, { actor, kind, rightful }]) => [
        ...(ACTOR_FOR_GUARD[kind] && ACTOR_FOR_GUARD[kind] !== actor
          ? [`${key}: ${actor}, not ${ACTOR_FOR_GUARD[kind]}`]
          : []),
        ...(ADMITTED[actor].includes(rightful)
          ? []
          : [`${key}: ${actor} does not admit ${rightful}`]),
      ]),
    ).toEqual([]);
    // Discovery itself must keep working: both kinds are found, from all three route groups.
    expect(actions.length).toBeGreaterThanOrEqual(25);
    expect(routes.length).toBeGreaterThanOrEqual(10);
  });
});

runMatrix('accounts, clients and ops reviewers', { ...ACCOUNT_CASES, ...CLIENT_CASES });
