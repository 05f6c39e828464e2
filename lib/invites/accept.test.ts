import type { Inviter } from '@/lib/accounts/inviter';
import { and, eq } from 'drizzle-orm';
import {
  auditLog,
  contracts,
  emailOutbox,
  inviteEvents,
  invites,
  sessions,
  users,
} from '@/db/schema';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  createClient,
  findInvite,
  inviteData,
  tokenFromOutbox,
} from '@/tests/helpers/invite-fixtures';
import { joinFromInvite } from './accept';
import { recordInviteOpened, resolveInviteLink } from './landing';
import { createInvite } from './service';
import { resendInvite, revokeInvite } from './manage';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Inviter;
beforeAll(async () => {
  database = await createTestDatabase();
  client = await createClient(database.db);
});
afterAll(() => database.dispose());

const openedEvents = (inviteId: string) =>
  database.db
    .select()
    .from(inviteEvents)
    .where(and(eq(inviteEvents.inviteId, inviteId), eq(inviteEvents.type, 'opened')));

let counter = 0;
async function freshInvite(email = `alex-${++counter}@example.com`) {
  const result = await createInvite(database.db, { inviter: client, input: inviteData(email) });
  if (!result.ok) throw new Error(result.message);
  const invite = await findInvite(database.db, result.inviteId);
  return { invite, token: await tokenFromOutbox(database.db, invite.lastOutboxId!) };
}

describe('the landing page state (GET changes nothing)', () => {
  it('reads an open link without touching the invite; "opened" is one event, once', async () => {
    const { invite, token } = await freshInvite();
    for (let i = 0; i < 3; i++)
      expect((await resolveInviteLink(database.db, token)).kind).toBe('open');
    expect(await findInvite(database.db, invite.id)).toEqual(invite);
    await recordInviteOpened(database.db, invite.id);
    await recordInviteOpened(database.db, invite.id);
    const opened = await database.db
      .select()
      .from(inviteEvents)
      .where(and(eq(inviteEvents.inviteId, invite.id), eq(inviteEvents.type, 'opened')));
    expect(opened).toHaveLength(1);
    expect(await openedEvents(invite.id)).toHaveLength(1);
    expect(await findInvite(database.db, invite.id)).toEqual(invite);
    // A crawler's visits do not use the link up: the human click still works.
    expect((await joinFromInvite(database.db, token)).ok).toBe(true);
  });

  it('tells tampered, superseded, revoked and expired links apart', async () => {
    const { token } = await freshInvite();
    expect(
      (await resolveInviteLink(database.db, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')))
        .kind,
    ).toBe('unknown');
    expect((await resolveInviteLink(database.db, 'not-a-token')).kind).toBe('unknown');
    expect((await resolveInviteLink(database.db, '../../etc/passwd')).kind).toBe('unknown');

    const resent = await freshInvite();
    await resendInvite(database.db, { inviter: client, inviteId: resent.invite.id });
    expect((await resolveInviteLink(database.db, resent.token)).kind).toBe('superseded');
    expect((await joinFromInvite(database.db, resent.token)).ok).toBe(false);

    const revoked = await freshInvite();
    await revokeInvite(database.db, { inviter: client, inviteId: revoked.invite.id });
    expect((await resolveInviteLink(database.db, revoked.token)).kind).toBe('revoked');
    expect(await joinFromInvite(database.db, revoked.token)).toEqual({
      ok: false,
      reason: 'invalid',
    });

    const expired = await freshInvite();
    await database.db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invites.id, expired.invite.id));
    expect((await resolveInviteLink(database.db, expired.token)).kind).toBe('expired');
    expect(await joinFromInvite(database.db, expired.token)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});

describe('joinFromInvite', () => {
  it('ten concurrent clicks give exactly one acceptance, one user and one session', async () => {
    const email = 'race@example.com';
    const { invite, token } = await freshInvite(email);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => joinFromInvite(database.db, token)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winners = await database.db.select().from(users).where(eq(users.email, email));
    expect(winners).toHaveLength(1);
    expect(winners[0].emailVerified).toBeInstanceOf(Date);
    expect(
      await database.db.select().from(sessions).where(eq(sessions.userId, winners[0].id)),
    ).toHaveLength(1);
    const joined = await findInvite(database.db, invite.id);
    expect(joined.status).toBe('joined');
    expect(joined.joinedById).toBe(winners[0].id);
    const joinedEvents = await database.db
      .select()
      .from(inviteEvents)
      .where(and(eq(inviteEvents.inviteId, invite.id), eq(inviteEvents.type, 'joined')));
    expect(joinedEvents).toHaveLength(1);
    // The nine clicks that lost left no audit entry.
    const audited = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorId, winners[0].id));
    expect(audited.map((r) => [r.action, r.targetId]).sort()).toEqual([
      ['auth.sign_in', winners[0].id],
      ['invite.joined', invite.id],
    ]);
    // The used link now says so, and cannot be used again.
    expect((await resolveInviteLink(database.db, token)).kind).toBe('used');
    expect((await joinFromInvite(database.db, token)).ok).toBe(false);
  });

  it('joins an existing account instead of creating a second one, and attaches the offer', async () => {
    const [existing] = await database.db
      .insert(users)
      .values({ email: 'known@example.com', name: 'Known' })
      .returning();
    const { invite, token } = await freshInvite('known@example.com');
    const result = await joinFromInvite(database.db, token);
    if (!result.ok) throw new Error('expected success');
    expect(result.user.id).toBe(existing.id);
    expect(
      await database.db.select().from(users).where(eq(users.email, 'known@example.com')),
    ).toHaveLength(1);
    const [contract] = await database.db
      .select()
      .from(contracts)
      .where(eq(contracts.inviteId, invite.id));
    expect(contract.freelancerId).toBe(existing.id);
  });

  it('never attaches the invite to someone else who is signed in', async () => {
    const [stranger] = await database.db
      .insert(users)
      .values({ email: 'stranger@example.com' })
      .returning();
    const { invite, token } = await freshInvite('wanted@example.com');
    expect(await joinFromInvite(database.db, token, { signedInUserId: stranger.id })).toEqual({
      ok: false,
      reason: 'wrong-account',
    });
    expect((await findInvite(database.db, invite.id)).status).toBe('pending');
    expect(
      await database.db.select().from(users).where(eq(users.email, 'wanted@example.com')),
    ).toHaveLength(0);
    // The right person still can.
    expect((await joinFromInvite(database.db, token)).ok).toBe(true);
  });

  it('writes no email and no token anywhere but the hash', async () => {
    const { token } = await freshInvite();
    await joinFromInvite(database.db, token);
    const rows = await database.executeSql('select * from invite');
    expect(JSON.stringify(rows)).not.toContain(token);
    const mail = await database.db.select({ id: emailOutbox.id }).from(emailOutbox);
    expect(mail.length).toBeGreaterThan(0);
  });
});
