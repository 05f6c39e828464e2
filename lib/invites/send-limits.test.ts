import { and, eq, sql } from 'drizzle-orm';
import { emailOutbox, inviteEvents, invites } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { resetEnvCache } from '@/lib/env';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  createClient,
  findInvite,
  inviteData,
  tokenFromOutbox,
} from '@/tests/helpers/invite-fixtures';
import { requestFreshInviteLink } from './fresh-link';
import { changeInviteEmail, resendInvite } from './manage';
import { describeRetryAt } from './send-limits';
import { createInvite } from './service';

/*
 * Every path that emails someone outside the workspace counts: the 50-a-day cap used to
 * count new invites only, so 30 resends of one invite delivered 31 emails and 60 changes of
 * address sent 60 invitations.
 */

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const saved = {
  INVITES_PER_DAY: process.env.INVITES_PER_DAY,
  INVITE_SENDS_PER_DAY: process.env.INVITE_SENDS_PER_DAY,
};
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
});

function configure(settings: Partial<Record<keyof typeof saved, string>>) {
  Object.assign(process.env, settings);
  resetEnvCache();
}

async function invite(client: Inviter, email: string) {
  const result = await createInvite(database.db, { inviter: client, input: inviteData(email) });
  if (!result.ok) throw new Error(result.message);
  return result.inviteId;
}

async function invitationsTo(email: string) {
  return database.db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, 'invitation')));
}

/** Moves an invite's sends (its creation and its fresh links) back in time. */
async function age(inviteId: string, hours: number) {
  const shift = sql`interval '1 hour' * ${hours}`;
  await database.db
    .update(invites)
    .set({ createdAt: sql`${invites.createdAt} - ${shift}` })
    .where(eq(invites.id, inviteId));
  await database.db
    .update(inviteEvents)
    .set({ createdAt: sql`${inviteEvents.createdAt} - ${shift}` })
    .where(eq(inviteEvents.inviteId, inviteId));
}

describe('per invite: INVITE_SENDS_PER_DAY emails in 24 hours, the first included', () => {
  it('30 resends of one invite deliver 5 emails, and the refusal says when to try again', async () => {
    const client = await createClient(database.db);
    const id = await invite(client, 'often@example.com');
    const results = [];
    for (let i = 0; i < 30; i++)
      results.push(await resendInvite(database.db, { inviter: client, inviteId: id }));
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    const refused = results[4];
    if (refused.ok || refused.reason !== 'invite-limit')
      throw new Error(`expected the invite limit, got ${JSON.stringify(refused)}`);
    // The creation is the oldest of the five sends: its 24 hours end first.
    const { createdAt } = await findInvite(database.db, id);
    expect(refused.retryAt.getTime()).toBe(createdAt.getTime() + 24 * 60 * 60 * 1000);
    expect(refused.message).toBe(
      `This invite was emailed 5 times in the last 24 hours, the most allowed for one invite. You can send it again ${describeRetryAt(refused.retryAt)}.`,
    );
    expect(await invitationsTo('often@example.com')).toHaveLength(5);
  });

  it('60 changes of address on one invite send 5 invitations', async () => {
    const client = await createClient(database.db);
    const id = await invite(client, 'moving-0@example.com');
    let changed = 0;
    for (let i = 1; i <= 60; i++) {
      const result = await changeInviteEmail(database.db, {
        inviter: client,
        inviteId: id,
        email: `moving-${i}@example.com`,
      });
      if (result.ok) changed++;
      else expect(result).toMatchObject({ reason: 'invite-limit' });
    }
    expect(changed).toBe(4);
    expect((await findInvite(database.db, id)).email).toBe('moving-4@example.com');
    const [{ n }] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(emailOutbox)
      .where(sql`${emailOutbox.toAddress} like 'moving-%@example.com'`);
    expect(Number(n)).toBe(5);
  });

  it('a refused resend changes nothing, and the invite may be resent once its sends age out', async () => {
    configure({ INVITE_SENDS_PER_DAY: '2' });
    const client = await createClient(database.db);
    const id = await invite(client, 'patient@example.com');
    expect((await resendInvite(database.db, { inviter: client, inviteId: id })).ok).toBe(true);
    const before = await findInvite(database.db, id);
    expect(await resendInvite(database.db, { inviter: client, inviteId: id })).toMatchObject({
      ok: false,
      reason: 'invite-limit',
    });
    expect(await findInvite(database.db, id)).toEqual(before);
    await age(id, 25);
    expect((await resendInvite(database.db, { inviter: client, inviteId: id })).ok).toBe(true);
  });
});

describe('per workspace: INVITES_PER_DAY counts every invitation email', () => {
  it('resends and changes of address use up the budget that new invites share', async () => {
    configure({ INVITES_PER_DAY: '4' });
    const client = await createClient(database.db);
    const first = await invite(client, 'ws-1@example.com');
    const second = await invite(client, 'ws-2@example.com');
    expect((await resendInvite(database.db, { inviter: client, inviteId: first })).ok).toBe(true);
    expect(
      (
        await changeInviteEmail(database.db, {
          inviter: client,
          inviteId: second,
          email: 'ws-2b@example.com',
        })
      ).ok,
    ).toBe(true);

    const refusedResend = await resendInvite(database.db, { inviter: client, inviteId: first });
    expect(refusedResend).toMatchObject({ ok: false, reason: 'daily-limit' });
    const refusedNew = await createInvite(database.db, {
      inviter: client,
      input: inviteData('ws-3@example.com'),
    });
    if (refusedNew.ok || refusedNew.reason !== 'daily-limit')
      throw new Error(`expected the daily limit, got ${JSON.stringify(refusedNew)}`);
    expect(refusedNew.message).toContain(
      '4 invitation emails in the last 24 hours (new invites, resends and address changes)',
    );
    expect(refusedNew.message).toContain(
      `You can send more ${describeRetryAt(refusedNew.retryAt)}.`,
    );
    // Another workspace's budget is its own.
    const other = await createClient(database.db);
    expect(
      (await createInvite(database.db, { inviter: other, input: inviteData('ws-3@example.com') }))
        .ok,
    ).toBe(true);
  });
});

describe('the invitee asking for a fresh link', () => {
  it('counts against the invite, and is refused with a time once the invite is at its limit', async () => {
    configure({ INVITE_SENDS_PER_DAY: '2' });
    const client = await createClient(database.db);
    const id = await invite(client, 'expired@example.com');
    expect((await resendInvite(database.db, { inviter: client, inviteId: id })).ok).toBe(true);
    // The link the invitee holds (the resent one) has run out.
    const { lastOutboxId } = await findInvite(database.db, id);
    if (!lastOutboxId) throw new Error('the resend queued no email');
    const token = await tokenFromOutbox(database.db, lastOutboxId);
    await database.db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invites.id, id));

    const result = await requestFreshInviteLink(database.db, token, '198.51.100.9');
    if (result.ok || result.reason !== 'rate-limited')
      throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
    expect(result.message).toMatch(
      /^A fresh link cannot be sent right now\. Please try again (tomorrow )?after \d\d:\d\d UTC\.$/,
    );
    expect(result.retryAfterSeconds).toBeGreaterThan(23 * 60 * 60);
    expect(await invitationsTo('expired@example.com')).toHaveLength(2);
  });
});

describe('describeRetryAt', () => {
  const now = new Date('2026-03-10T09:00:00Z');
  it('says the time today, rounded up to the minute', () => {
    expect(describeRetryAt(new Date('2026-03-10T14:04:01Z'), now)).toBe('after 14:05 UTC');
    expect(describeRetryAt(new Date('2026-03-10T14:05:00Z'), now)).toBe('after 14:05 UTC');
  });
  it('says tomorrow for a time on the next day', () => {
    expect(describeRetryAt(new Date('2026-03-11T08:59:30Z'), now)).toBe('tomorrow after 09:00 UTC');
  });
});
