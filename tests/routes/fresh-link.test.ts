import { jest } from '@jest/globals';
import { eq } from 'drizzle-orm';
import { auditLog, inviteEvents, invites } from '@/db/schema';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  createClient,
  findInvite,
  inviteData,
  tokenFromOutbox,
} from '@/tests/helpers/invite-fixtures';

// The handler reads the client address from the request headers; here it is fixed.
jest.unstable_mockModule('@/lib/server/request', () => ({ clientIp: async () => '203.0.113.7' }));
const { POST } = await import('@/app/(public)/invite/[token]/fresh-link/route');
const { createInvite } = await import('@/lib/invites/service');
const { FRESH_LINK_LIMITS } = await import('@/lib/invites/fresh-link');
const { findReplacementAddress } = await import('@/lib/invites/tokens');
const { changeInviteEmail } = await import('@/lib/invites/manage');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const post = (
  token: string,
  headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' },
) =>
  POST(
    new Request(`http://localhost:3000/invite/${token}/fresh-link`, { method: 'POST', headers }),
    {
      params: Promise.resolve({ token }),
    },
  );

async function expiredInvite(client?: Awaited<ReturnType<typeof createClient>>) {
  client ??= await createClient(database.db);
  const created = await createInvite(database.db, {
    inviter: client,
    input: inviteData(`late-${Date.now()}@example.com`),
  });
  if (!created.ok) throw new Error(created.message);
  const invite = await findInvite(database.db, created.inviteId);
  await database.db
    .update(invites)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(invites.id, invite.id));
  return { invite, token: await tokenFromOutbox(database.db, invite.lastOutboxId!) };
}

describe('POST /invite/<token>/fresh-link', () => {
  it('refuses a cross-site post and changes nothing', async () => {
    const { invite, token } = await expiredInvite();
    const response = await post(token, {
      'sec-fetch-site': 'cross-site',
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect((await findInvite(database.db, invite.id)).tokenHash).toBe(invite.tokenHash);
  });

  it('sends a fresh link, tells the client, then answers 429 with Retry-After past the limit', async () => {
    const { invite, token } = await expiredInvite();
    const first = await post(token);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/invite/${token}/fresh-link/sent`);
    const after = await findInvite(database.db, invite.id);
    expect(after.tokenHash).not.toBe(invite.tokenHash);
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now());
    const events = await database.db
      .select()
      .from(inviteEvents)
      .where(eq(inviteEvents.inviteId, invite.id));
    expect(events.map((e) => e.type)).toContain('fresh_link_requested');
    // Audited as a resend by nobody signed in, from the asking browser's address.
    const audited = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, invite.id))
      .orderBy(auditLog.createdAt);
    expect(audited.map((r) => [r.action, r.actorId, r.targetType, r.ip, r.detail])).toEqual([
      ['invite.sent', invite.invitedById, 'invite', null, `to ${invite.email}`],
      [
        'invite.resent',
        null,
        'invite',
        '203.0.113.7',
        `to ${invite.email}, asked for from an expired link`,
      ],
    ]);

    // The old link is now superseded, so asking again from it does nothing; use up the limit
    // on the per-invite counter by expiring the new link each time.
    let current = await tokenFromOutbox(database.db, after.lastOutboxId!);
    for (let i = 1; i < FRESH_LINK_LIMITS.perInvite.limit; i++) {
      await database.db
        .update(invites)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(invites.id, invite.id));
      expect((await post(current)).status).toBe(303);
      current = await tokenFromOutbox(
        database.db,
        (await findInvite(database.db, invite.id)).lastOutboxId!,
      );
    }
    await database.db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invites.id, invite.id));
    const limited = await post(current);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Too many requests');
  });

  it('lets the page after it name the address the old link went to, never a changed one', async () => {
    const client = await createClient(database.db);
    const { invite, token } = await expiredInvite(client);
    expect(await findReplacementAddress(database.db, token)).toBeNull();
    expect((await post(token)).status).toBe(303);
    expect(await findReplacementAddress(database.db, token)).toBe(invite.email);
    const current = await tokenFromOutbox(
      database.db,
      (await findInvite(database.db, invite.id)).lastOutboxId!,
    );
    expect(await findReplacementAddress(database.db, current)).toBeNull();

    const changed = await changeInviteEmail(database.db, {
      inviter: client,
      inviteId: invite.id,
      email: `moved-${Date.now()}@example.com`,
    });
    expect(changed.ok).toBe(true);
    expect(await findReplacementAddress(database.db, token)).toBeNull();
    expect(await findReplacementAddress(database.db, current)).toBeNull();
  });
});
