import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { auditLog, contracts, invites, verificationTokens } from '@/db/schema';
import { hashToken } from '@/lib/security/tokens';
import { createAdmin, uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  createClient,
  daysFromToday,
  findInvite,
  tokenFromOutbox,
} from '@/tests/helpers/invite-fixtures';
import {
  currentSessionCookie,
  installRequestMocks,
  REQUEST_IP,
  startRequest,
} from '@/tests/helpers/request-context';

/*
 * The invite and contract journey driven through the real server actions and the invite
 * page's route handler, as a browser at REQUEST_IP calls them: every step must leave its
 * audit entry (actor, target, IP, time), and no entry may hold a link or session token.
 */
installRequestMocks();
const {
  bulkInviteAction,
  changeInviteEmailAction,
  createInviteAction,
  resendInviteAction,
  revokeInviteAction,
} = await import('@/app/(app)/client/invites/actions');
const { acceptContractAction, declineContractAction } =
  await import('@/app/(app)/onboarding/actions');
const { confirmSignInAction } = await import('@/app/(auth)/sign-in/actions');
const { POST: acceptInvitePost } = await import('@/app/(public)/invite/[token]/accept/route');
const { createSession } = await import('@/lib/auth/service');
const { loadAuditLog } = await import('@/lib/compliance/review');
const { hashTerms } = await import('@/lib/contracts/service');
const { loadTerms } = await import('@/lib/invites/service');
const { getEnv } = await import('@/lib/env');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** A 20-hour offer at a company: no compliance check, so an acceptance starts it. */
const OFFER = {
  'offer.kind': 'hourly',
  'offer.title': 'Website redesign',
  'offer.description': 'Rebuild the marketing site.',
  'offer.startDate': daysFromToday(7),
  'offer.hourlyRateDollars': '50',
  'offer.weeklyLimit': '20',
};

/** Runs an action that ends in a redirect (Next throws it) and returns where it goes. */
async function redirectOf(run: Promise<unknown>): Promise<string> {
  const error = (await run.then(
    (value) => ({ returned: value }),
    (e: unknown) => e,
  )) as { digest?: string; returned?: unknown };
  if (!error.digest?.startsWith('NEXT_REDIRECT'))
    throw new Error(`expected a redirect, got ${JSON.stringify(error.returned ?? error)}`);
  return error.digest.split(';')[2];
}

async function inviteTo(workspaceId: string, email: string) {
  const [row] = await database.db
    .select()
    .from(invites)
    .where(and(eq(invites.workspaceId, workspaceId), eq(invites.email, email)));
  return row;
}

async function contractOf(inviteId: string) {
  const [row] = await database.db.select().from(contracts).where(eq(contracts.inviteId, inviteId));
  return row;
}

/** The invite page's button, from an anonymous browser; the session it opens stays in the jar. */
async function clickInviteLink(token: string): Promise<string> {
  startRequest(null);
  const response = await acceptInvitePost(
    new Request(`${getEnv().APP_URL}/invite/${token}/accept`, {
      method: 'POST',
      headers: { 'sec-fetch-site': 'same-origin' },
    }),
    { params: Promise.resolve({ token }) },
  );
  expect(response.headers.get('location')).toBe('/onboarding');
  return currentSessionCookie()!;
}

describe('the audit trail of invites, sign-ins and contract decisions', () => {
  it('records every step with actor, target and IP, finds them by person, and holds no token', async () => {
    const client = await createClient(database.db);
    const admin = await createAdmin(database.db);
    const clientSession = await createSession(database.db, client.userId);
    const tokens: string[] = [clientSession.token];
    const first = uniqueEmail('first');
    const corrected = uniqueEmail('corrected');
    const revokedEmail = uniqueEmail('revoked');
    const [bulkOne, bulkTwo] = [uniqueEmail('bulk'), uniqueEmail('bulk')];

    // The client sends, resends, corrects the address of one invite and revokes another.
    startRequest(clientSession.token);
    const person = { firstName: 'Alex', lastName: 'Rivera', message: 'Hello!' };
    await redirectOf(createInviteAction(null, form({ email: first, ...person, ...OFFER })));
    const invite = await inviteTo(client.workspaceId, first);
    tokens.push(await tokenFromOutbox(database.db, invite.lastOutboxId!));
    await redirectOf(resendInviteAction(null, form({ inviteId: invite.id })));
    tokens.push(
      await tokenFromOutbox(database.db, (await findInvite(database.db, invite.id)).lastOutboxId!),
    );
    await redirectOf(
      changeInviteEmailAction(null, form({ inviteId: invite.id, email: corrected })),
    );
    const linkToCorrected = await tokenFromOutbox(
      database.db,
      (await findInvite(database.db, invite.id)).lastOutboxId!,
    );
    tokens.push(linkToCorrected);
    await redirectOf(createInviteAction(null, form({ email: revokedEmail, ...person, ...OFFER })));
    const revoked = await inviteTo(client.workspaceId, revokedEmail);
    tokens.push(await tokenFromOutbox(database.db, revoked.lastOutboxId!));
    await redirectOf(revokeInviteAction(null, form({ inviteId: revoked.id })));
    const entriesBefore = (await database.db.select().from(auditLog)).length;
    expect(await resendInviteAction(null, form({ inviteId: revoked.id }))).toMatchObject({
      ok: false,
    });
    expect((await database.db.select().from(auditLog)).length).toBe(entriesBefore);
    await redirectOf(
      bulkInviteAction(
        null,
        form({ intent: 'send', csv: `${bulkOne},Ann,Lee\n${bulkTwo},Bo,Chen`, ...OFFER }),
      ),
    );
    const bulk = [
      await inviteTo(client.workspaceId, bulkOne),
      await inviteTo(client.workspaceId, bulkTwo),
    ];
    for (const b of bulk) tokens.push(await tokenFromOutbox(database.db, b.lastOutboxId!));

    // The corrected address accepts the invite (signing in) and the contract.
    const freelancerSession = await clickInviteLink(linkToCorrected);
    tokens.push(freelancerSession);
    const freelancerId = (await findInvite(database.db, invite.id)).joinedById!;
    const contract = await contractOf(invite.id);
    const terms = (await loadTerms(database.db, invite.id))!;
    await redirectOf(
      acceptContractAction(null, form({ contractId: contract.id, termsHash: hashTerms(terms) })),
    );

    // A bulk invitee accepts the invite and declines the contract.
    const declinerSession = await clickInviteLink(
      await tokenFromOutbox(database.db, bulk[0].lastOutboxId!),
    );
    tokens.push(declinerSession);
    const declinerId = (await findInvite(database.db, bulk[0].id)).joinedById!;
    const declined = await contractOf(bulk[0].id);
    await redirectOf(
      declineContractAction(
        null,
        form({ contractId: declined.id, reason: 'The timeline does not work for me.' }),
      ),
    );

    // The first freelancer signs in again later with a magic link.
    const magicToken = 'magic-link-token-0123456789';
    tokens.push(magicToken);
    await database.db.insert(verificationTokens).values({
      identifier: corrected,
      token: createHash('sha256').update(`${magicToken}${getEnv().AUTH_SECRET}`).digest('hex'),
      expires: new Date(Date.now() + 60_000),
    });
    startRequest(null);
    await redirectOf(confirmSignInAction(null, form({ email: corrected, token: magicToken })));
    tokens.push(currentSessionCookie()!);

    const rows = await database.db.select().from(auditLog);
    const entries = (action: string, targetId: string) =>
      rows.filter((r) => r.action === action && r.targetId === targetId);
    const expected = [
      ['invite.sent', 'invite', invite.id, client.userId],
      ['invite.resent', 'invite', invite.id, client.userId],
      ['invite.email_changed', 'invite', invite.id, client.userId],
      ['invite.sent', 'invite', revoked.id, client.userId],
      ['invite.revoked', 'invite', revoked.id, client.userId],
      ['invite.sent', 'invite', bulk[0].id, client.userId],
      ['invite.sent', 'invite', bulk[1].id, client.userId],
      ['invite.joined', 'invite', invite.id, freelancerId],
      ['contract.accepted', 'contract', contract.id, freelancerId],
      ['invite.joined', 'invite', bulk[0].id, declinerId],
      ['auth.sign_in', 'user', declinerId, declinerId],
      ['contract.declined', 'contract', declined.id, declinerId],
    ] as const;
    for (const [action, targetType, targetId, actorId] of expected) {
      const found = entries(action, targetId);
      expect({ action, found }).toEqual({
        action,
        found: [expect.objectContaining({ actorId, targetType, targetId, ip: REQUEST_IP })],
      });
      expect(found[0].createdAt).toBeInstanceOf(Date);
    }
    expect(entries('invite.email_changed', invite.id)[0].detail).toBe(`${first} → ${corrected}`);
    // Two sign-ins for the first freelancer: by the invite link, then by a magic link.
    expect(entries('auth.sign_in', freelancerId).map((r) => [r.actorId, r.ip, r.detail])).toEqual(
      expect.arrayContaining([
        [freelancerId, REQUEST_IP, 'Invite link'],
        [freelancerId, REQUEST_IP, null],
      ]),
    );
    expect(entries('auth.sign_in', freelancerId)).toHaveLength(2);

    const serialized = JSON.stringify(rows);
    for (const token of tokens) {
      expect(serialized).not.toContain(token);
      expect(serialized).not.toContain(hashToken(token));
    }

    // Ops find the invite's entries under the invitee, whoever wrote them.
    const log = (await loadAuditLog(database.db, admin, { person: corrected }))!;
    expect(log.person?.id).toBe(freelancerId);
    expect(log.entries.map((e) => [e.action, e.targetId]).sort()).toEqual(
      [
        ['invite.sent', invite.id],
        ['invite.resent', invite.id],
        ['invite.email_changed', invite.id],
        ['invite.joined', invite.id],
        ['auth.sign_in', freelancerId],
        ['auth.sign_in', freelancerId],
        ['contract.accepted', contract.id],
      ].sort(),
    );
    const declinerLog = (await loadAuditLog(database.db, admin, { person: bulkOne }))!;
    expect(declinerLog.entries.map((e) => [e.action, e.targetId]).sort()).toEqual(
      [
        ['invite.sent', bulk[0].id],
        ['invite.joined', bulk[0].id],
        ['auth.sign_in', declinerId],
        ['contract.declined', declined.id],
      ].sort(),
    );
    // The client sees what they did and what their invitees did with their invites.
    const clientLog = (await loadAuditLog(database.db, admin, { person: client.userId }))!;
    expect(clientLog.entries.map((e) => [e.action, e.targetId]).sort()).toEqual(
      expected
        .filter(([action]) => action !== 'auth.sign_in')
        .map(([action, , targetId]) => [action, targetId])
        .sort(),
    );
  });
});
