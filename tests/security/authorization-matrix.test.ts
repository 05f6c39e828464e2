import { installRequestMocks } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

/*
 * The authorization matrix (issue 7): every server action and route handler, found from the
 * code, called as anonymous, another client, another freelancer, an ops reviewer and the
 * victims themselves, aimed at the victim's ids. This file checks that the table names every
 * endpoint and runs the account and client parts; the freelancer and route parts have files
 * of their own (one database each, to keep each file short).
 */
installRequestMocks();
installTestEncryptionKey();
const { discoverEndpoints } = await import('./matrix/endpoints');
const { MATRIX } = await import('./matrix/table');
const { ACCOUNT_CASES } = await import('./matrix/cases/accounts');
const { CLIENT_CASES } = await import('./matrix/cases/client');
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
    // Every action is made by the wrapper, so its actor kind is declared once, in the action,
    // and the matrix's guard agrees with it.
    const actions = endpoints.filter((e) => e.kind === 'action');
    expect(actions.filter((e) => !declarationOf(e.fn)).map((e) => e.key)).toEqual([]);
    expect(
      actions.flatMap((e) => {
        const actor = declarationOf(e.fn)?.actor;
        const expected = ACTOR_FOR_GUARD[MATRIX[e.key]?.kind ?? ''];
        return expected && actor !== expected ? [`${e.key}: ${actor}, not ${expected}`] : [];
      }),
    ).toEqual([]);
    // Discovery itself must keep working: both kinds are found, from all three route groups.
    expect(endpoints.filter((e) => e.kind === 'action').length).toBeGreaterThanOrEqual(25);
    expect(endpoints.filter((e) => e.kind === 'route').length).toBeGreaterThanOrEqual(10);
  });
});

runMatrix('accounts, clients and ops reviewers', { ...ACCOUNT_CASES, ...CLIENT_CASES });
