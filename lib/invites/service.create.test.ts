import type { Inviter } from '@/lib/accounts/inviter';
import { eq, sql } from 'drizzle-orm';
import {
  contracts,
  emailOutbox,
  inviteEvents,
  inviteTokens,
  invites,
  milestones,
} from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { hashToken } from '@/lib/security/tokens';
import { createTestDatabase } from '@/tests/helpers/db';
import { countDeliveryJobs } from '@/tests/helpers/outbox';
import {
  createClient,
  daysFromToday,
  findInvite,
  findOutbox,
  fixedOfferInput,
  inviteData,
  tokenFromOutbox,
} from '@/tests/helpers/invite-fixtures';
import type { InviteData } from './schemas';
import { describeRetryAt } from './send-limits';
import { createInvite } from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Inviter;

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createClient(database.db);
});
afterAll(() => database.dispose());

async function create(inviter: Inviter, data: InviteData) {
  const result = await createInvite(database.db, { inviter, input: data });
  if (!result.ok) throw new Error(result.message);
  return result.inviteId;
}

const jobsFor = (outboxId: string) => countDeliveryJobs(database, outboxId);

async function countWhere(
  table: 'invite' | 'email_outbox',
  column: string,
  value: string,
): Promise<number> {
  const { rows } = await database.executeSql(
    `select count(*)::int as n from ${table} where ${column} = $1`,
    [value],
  );
  return Number(rows[0].n);
}

describe('createInvite', () => {
  it('writes the invite, its token, offer, first event, email and delivery job', async () => {
    const inviteId = await create(client, inviteData('  New.Person@Example.com ', {}));
    const invite = await findInvite(database.db, inviteId);
    expect(invite).toMatchObject({
      workspaceId: client.workspaceId,
      invitedById: client.userId,
      email: 'new.person@example.com',
      firstName: 'Alex',
      lastName: 'Rivera',
      message: 'Looking forward to it!',
      status: 'pending',
    });
    const ttlMs = invite.expiresAt.getTime() - invite.createdAt.getTime();
    expect(Math.round(ttlMs / 86_400_000)).toBe(30);

    const tokens = await database.db
      .select()
      .from(inviteTokens)
      .where(eq(inviteTokens.inviteId, inviteId));
    expect(tokens).toEqual([
      expect.objectContaining({ tokenHash: invite.tokenHash, supersededAt: null }),
    ]);

    const [contract] = await database.db
      .select()
      .from(contracts)
      .where(eq(contracts.inviteId, inviteId));
    expect(contract).toMatchObject({
      workspaceId: client.workspaceId,
      status: 'offered',
      kind: 'hourly',
      title: 'Website redesign',
      hourlyRateCents: 5000,
      weeklyLimitHours: 40,
      allowManualTime: true,
      feeBps: 500,
      currency: 'USD',
      version: 1,
    });

    const events = await database.db
      .select()
      .from(inviteEvents)
      .where(eq(inviteEvents.inviteId, inviteId));
    expect(events.map((e) => [e.type, e.actorId])).toEqual([['created', client.userId]]);

    const outbox = await findOutbox(database.db, invite.lastOutboxId!);
    expect(outbox).toMatchObject({
      toAddress: 'new.person@example.com',
      template: 'invitation',
      status: 'queued',
      containsSecret: true,
    });
    expect(await jobsFor(outbox.id)).toBe(1);
  });

  it('writes the milestones of a fixed-price offer in order', async () => {
    const inviteId = await create(
      client,
      inviteData('fixed@example.com', { offer: fixedOfferInput() }),
    );
    const [contract] = await database.db
      .select()
      .from(contracts)
      .where(eq(contracts.inviteId, inviteId));
    expect(contract).toMatchObject({
      kind: 'fixed',
      hourlyRateCents: null,
      weeklyLimitHours: null,
    });
    const rows = await database.db
      .select()
      .from(milestones)
      .where(eq(milestones.contractId, contract.id))
      .orderBy(milestones.position);
    expect(rows.map((m) => [m.position, m.description, m.amountCents, m.dueDate])).toEqual([
      [1, 'Sketches', 50_000, daysFromToday(14)],
      [2, 'Final files', 125_000, daysFromToday(28)],
    ]);
  });

  it('stores only the SHA-256 of the link token', async () => {
    const inviteId = await create(client, inviteData('hashed@example.com'));
    const invite = await findInvite(database.db, inviteId);
    const token = await tokenFromOutbox(database.db, invite.lastOutboxId!);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    expect(invite.tokenHash).toBe(hashToken(token));
    const { rows } = await database.executeSql(
      `select count(*)::int as n from (
         select row_to_json(i)::text as t from invite i
         union all select row_to_json(t)::text from invite_token t
         union all select row_to_json(e)::text from invite_event e
         union all select row_to_json(c)::text from contract c
       ) everything where t like '%' || $1 || '%'`,
      [token],
    );
    expect(Number(rows[0].n)).toBe(0);
  });

  it('writes nothing when any part of the invite fails', async () => {
    // A rate below the floor gets past the service (the schema is bypassed) but not the
    // contract's check constraint, which runs after the invite row is inserted.
    const bad = inviteData('atomic@example.com');
    if (bad.offer.kind !== 'hourly') throw new Error('expected hourly');
    bad.offer.hourlyRateCents = 100;
    const outboxBefore = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(emailOutbox);
    await expect(createInvite(database.db, { inviter: client, input: bad })).rejects.toThrow();
    expect(await countWhere('invite', 'email', 'atomic@example.com')).toBe(0);
    expect(await countWhere('email_outbox', 'to_address', 'atomic@example.com')).toBe(0);
    const outboxAfter = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(emailOutbox);
    expect(outboxAfter[0].n).toBe(outboxBefore[0].n);
  });
});

describe('duplicates', () => {
  it('refuses a second pending invite to the same address, naming the first', async () => {
    const first = await create(client, inviteData('twice@example.com'));
    const second = await createInvite(database.db, {
      inviter: client,
      input: inviteData('TWICE@example.com'),
    });
    expect(second).toEqual({
      ok: false,
      reason: 'duplicate',
      existingInviteId: first,
      message: 'You already have a pending invite to this email address.',
    });
    expect(await countWhere('invite', 'email', 'twice@example.com')).toBe(1);
    expect(await countWhere('email_outbox', 'to_address', 'twice@example.com')).toBe(1);
  });

  it('lets another client invite the same person', async () => {
    const other = await createClient(database.db, { name: 'Sam Park', workspaceName: 'Globex' });
    await create(client, inviteData('shared@example.com'));
    const result = await createInvite(database.db, {
      inviter: other,
      input: inviteData('shared@example.com'),
    });
    expect(result.ok).toBe(true);
    expect(await countWhere('invite', 'email', 'shared@example.com')).toBe(2);
  });

  it('gives exactly one invite for ten concurrent sends (a double click)', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        createInvite(database.db, { inviter: client, input: inviteData('race@example.com') }),
      ),
    );
    const created = results.filter((r) => r.ok);
    expect(created).toHaveLength(1);
    const inviteId = created[0].ok ? created[0].inviteId : '';
    for (const r of results.filter((x) => !x.ok)) {
      expect(r).toMatchObject({ ok: false, reason: 'duplicate', existingInviteId: inviteId });
    }
    expect(await countWhere('invite', 'email', 'race@example.com')).toBe(1);
    expect(await countWhere('email_outbox', 'to_address', 'race@example.com')).toBe(1);
    const tokens = await database.db
      .select()
      .from(inviteTokens)
      .where(eq(inviteTokens.inviteId, inviteId));
    expect(tokens).toHaveLength(1);
  });

  it('treats an invite past its expiry as over: a new one may be sent', async () => {
    const old = await create(client, inviteData('lapsed@example.com'));
    await database.db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invites.id, old));
    const fresh = await createInvite(database.db, {
      inviter: client,
      input: inviteData('lapsed@example.com'),
    });
    expect(fresh.ok).toBe(true);
    expect((await findInvite(database.db, old)).status).toBe('expired');
  });
});

describe('the daily limit', () => {
  const saved = process.env.INVITES_PER_DAY;
  afterEach(() => {
    if (saved === undefined) delete process.env.INVITES_PER_DAY;
    else process.env.INVITES_PER_DAY = saved;
    resetEnvCache();
  });

  it('refuses the invite over the limit and says when sending is possible again', async () => {
    process.env.INVITES_PER_DAY = '3';
    resetEnvCache();
    const busy = await createClient(database.db, { workspaceName: 'Busy Co' });
    for (let i = 0; i < 3; i++) await create(busy, inviteData(`limit-${i}@example.com`));
    const [oldest] = await database.db
      .select({ createdAt: invites.createdAt })
      .from(invites)
      .where(eq(invites.workspaceId, busy.workspaceId))
      .orderBy(invites.createdAt)
      .limit(1);

    const refused = await createInvite(database.db, {
      inviter: busy,
      input: inviteData('limit-3@example.com'),
    });
    if (refused.ok || refused.reason !== 'daily-limit')
      throw new Error(`expected the daily limit, got ${JSON.stringify(refused)}`);
    expect(refused.retryAt.getTime()).toBe(oldest.createdAt.getTime() + 24 * 60 * 60 * 1000);
    expect(refused.message).toContain('3 invitation emails in the last 24 hours');
    expect(refused.message).toContain(describeRetryAt(refused.retryAt));
    expect(await countWhere('invite', 'email', 'limit-3@example.com')).toBe(0);
    expect(await countWhere('email_outbox', 'to_address', 'limit-3@example.com')).toBe(0);

    // The limit is per workspace: another client still sends.
    const quiet = await createClient(database.db, { workspaceName: 'Quiet Co' });
    expect(
      (
        await createInvite(database.db, {
          inviter: quiet,
          input: inviteData('limit-3@example.com'),
        })
      ).ok,
    ).toBe(true);
  });

  it('holds when many invites are sent at once', async () => {
    process.env.INVITES_PER_DAY = '3';
    resetEnvCache();
    const burst = await createClient(database.db, { workspaceName: 'Burst Co' });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createInvite(database.db, { inviter: burst, input: inviteData(`burst-${i}@example.com`) }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === 'daily-limit')).toHaveLength(7);
    const [row] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(invites)
      .where(eq(invites.workspaceId, burst.workspaceId));
    expect(row.n).toBe(3);
  });

  it('counts only the last 24 hours', async () => {
    process.env.INVITES_PER_DAY = '1';
    resetEnvCache();
    const steady = await createClient(database.db, { workspaceName: 'Steady Co' });
    const yesterday = await create(steady, inviteData('day-1@example.com'));
    await database.db
      .update(invites)
      .set({ createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) })
      .where(eq(invites.id, yesterday));
    expect(
      (await createInvite(database.db, { inviter: steady, input: inviteData('day-2@example.com') }))
        .ok,
    ).toBe(true);
    expect(
      (await createInvite(database.db, { inviter: steady, input: inviteData('day-3@example.com') }))
        .ok,
    ).toBe(false);
  });
});
