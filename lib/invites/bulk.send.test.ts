import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { auditLog, contracts, emailOutbox, inviteEvents, inviteTokens, invites } from '@/db/schema';
import { resetEnvCache } from '@/lib/env';
import { createTestDatabase } from '@/tests/helpers/db';
import { countDeliveryJobs } from '@/tests/helpers/outbox';
import {
  createClient,
  findInvite,
  hourlyOfferInput,
  inviteData,
  parseOffer,
} from '@/tests/helpers/invite-fixtures';
import { sendBulkInvites } from './bulk';
import { createInvite } from './service';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const hourly = parseOffer(hourlyOfferInput({ hourlyRateDollars: '50', weeklyLimit: '20' }));
const savedLimit = process.env.INVITES_PER_DAY;

beforeAll(async () => {
  // Bulk lists go up to 500; the default daily limit (50) would cut them short.
  process.env.INVITES_PER_DAY = '2000';
  database = await createTestDatabase(); // resets the env cache
});
afterAll(async () => {
  if (savedLimit === undefined) delete process.env.INVITES_PER_DAY;
  else process.env.INVITES_PER_DAY = savedLimit;
  resetEnvCache();
  await database.dispose();
});

async function countInvites(workspaceId: string): Promise<number> {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(invites)
    .where(eq(invites.workspaceId, workspaceId));
  return row.n;
}

async function countOutbox(): Promise<number> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox);
  return row.n;
}

/** How many of the messages have their delivery job. */
async function countJobs(outboxIds: string[]): Promise<number> {
  const counts = await Promise.all(outboxIds.map((id) => countDeliveryJobs(database, id)));
  return counts.filter((n) => n === 1).length;
}

describe('sendBulkInvites', () => {
  it('writes exactly the rows the report says will be sent, each rate overriding the template', async () => {
    const mine = await createClient(database.db, { workspaceName: 'Bulk Co' });
    const existing = await createInvite(database.db, {
      inviter: mine,
      input: inviteData('pending@example.com'),
    });
    if (!existing.ok) throw new Error(existing.message);
    const csv = [
      'email,first,last,rate',
      'one@example.com,Ann,Lee,',
      'broken,Bob,Ray,',
      'two@example.com, Ria ,Sen,$65',
      'ONE@example.com,Ann,Again,',
      'pending@example.com,Pat,Doe,',
      '"three@example.com","Smith, Jr.","O""Brien",80.5',
    ].join('\r\n');

    const result = await sendBulkInvites(database.db, { inviter: mine, csv, offer: hourly });
    expect(result).toMatchObject({ ok: true, toSend: 3, skipped: 3, sent: 3 });

    const rows = await database.db
      .select({ invite: invites, contract: contracts })
      .from(invites)
      .innerJoin(contracts, eq(contracts.inviteId, invites.id))
      .where(
        and(
          eq(invites.workspaceId, mine.workspaceId),
          inArray(invites.email, ['one@example.com', 'two@example.com', 'three@example.com']),
        ),
      )
      .orderBy(asc(invites.email));
    expect(
      rows.map(({ invite, contract }) => [
        invite.email,
        invite.firstName,
        invite.lastName,
        invite.message,
        contract.hourlyRateCents,
        contract.weeklyLimitHours,
      ]),
    ).toEqual([
      ['one@example.com', 'Ann', 'Lee', null, 5000, 20],
      ['three@example.com', 'Smith, Jr.', 'O"Brien', null, 8050, 20],
      ['two@example.com', 'Ria', 'Sen', null, 6500, 20],
    ]);
    expect(await countInvites(mine.workspaceId)).toBe(4); // three plus the one already pending

    const outboxIds = rows.map((r) => r.invite.lastOutboxId!);
    const outbox = await database.db
      .select()
      .from(emailOutbox)
      .where(inArray(emailOutbox.id, outboxIds));
    expect(outbox.map((o) => o.toAddress).sort()).toEqual([
      'one@example.com',
      'three@example.com',
      'two@example.com',
    ]);
    expect(await countJobs(outboxIds)).toBe(3);
    const tokens = await database.db
      .select()
      .from(inviteTokens)
      .where(
        inArray(
          inviteTokens.inviteId,
          rows.map((r) => r.invite.id),
        ),
      );
    expect(tokens).toHaveLength(3);
    const events = await database.db
      .select()
      .from(inviteEvents)
      .where(
        inArray(
          inviteEvents.inviteId,
          rows.map((r) => r.invite.id),
        ),
      );
    expect(events.map((e) => e.type)).toEqual(['created', 'created', 'created']);
  });

  it('sends to an address whose earlier invite has run out, and marks that one expired', async () => {
    const mine = await createClient(database.db, { workspaceName: 'Lapsed Co' });
    const old = await createInvite(database.db, {
      inviter: mine,
      input: inviteData('again@example.com'),
    });
    if (!old.ok) throw new Error(old.message);
    await database.db
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invites.id, old.inviteId));

    const result = await sendBulkInvites(database.db, {
      inviter: mine,
      csv: 'again@example.com,A,B\nfresh@example.com,C,D',
      offer: hourly,
    });
    expect(result).toMatchObject({ ok: true, sent: 2 });
    expect((await findInvite(database.db, old.inviteId)).status).toBe('expired');
    expect(await countInvites(mine.workspaceId)).toBe(3);
  });

  it('keeps to the daily limit when two lists are sent at once', async () => {
    process.env.INVITES_PER_DAY = '3';
    resetEnvCache();
    try {
      const mine = await createClient(database.db, { workspaceName: 'Twice Co' });
      const [a, b] = await Promise.all([
        sendBulkInvites(database.db, {
          inviter: mine,
          csv: 'a1@example.com,A,B\na2@example.com,A,B',
          offer: hourly,
        }),
        sendBulkInvites(database.db, {
          inviter: mine,
          csv: 'b1@example.com,A,B\nb2@example.com,A,B',
          offer: hourly,
        }),
      ]);
      expect([a, b].filter((r) => r.ok && r.sent === 2)).toHaveLength(1);
      expect([a, b].find((r) => !r.ok)).toEqual({
        ok: false,
        message:
          'Invites sent meanwhile reached the daily limit of 3. Check the list again to see which rows can still be sent.',
      });
      expect(await countInvites(mine.workspaceId)).toBe(2);
    } finally {
      process.env.INVITES_PER_DAY = '2000';
      resetEnvCache();
    }
  });

  it('refuses 5,000 rows with a message and writes nothing', async () => {
    const mine = await createClient(database.db, { workspaceName: 'Huge Co' });
    const csv = [
      'email,first,last',
      ...Array.from({ length: 5000 }, (_, i) => `p${i}@example.com,First,Last`),
    ].join('\n');
    const outboxBefore = await countOutbox();
    expect(await sendBulkInvites(database.db, { inviter: mine, csv, offer: hourly })).toEqual({
      ok: false,
      message:
        'A bulk invite takes at most 500 people; this list has 5,000. Split it and send it in parts.',
    });
    expect(await countInvites(mine.workspaceId)).toBe(0);
    expect(await countOutbox()).toBe(outboxBefore);
  });

  it('refuses 501 rows (500 is the most)', async () => {
    const mine = await createClient(database.db, { workspaceName: 'Edge Co' });
    const people = (n: number) =>
      Array.from({ length: n }, (_, i) => `e${i}@example.com,First,Last`);
    const over = await sendBulkInvites(database.db, {
      inviter: mine,
      csv: people(501).join('\n'),
      offer: hourly,
    });
    expect(over).toEqual({
      ok: false,
      message:
        'A bulk invite takes at most 500 people; this list has 501. Split it and send it in parts.',
    });
    expect(await countInvites(mine.workspaceId)).toBe(0);
  });

  it('creates all of 500 valid rows', async () => {
    const mine = await createClient(database.db, { workspaceName: 'Five Hundred Co' });
    const csv = [
      'email,first name,last name,rate',
      ...Array.from(
        { length: 500 },
        (_, i) => `person${i}@example.com,First${i},Last${i},${40 + (i % 10)}`,
      ),
    ].join('\n');
    const outboxBefore = await countOutbox();
    const started = performance.now();
    const result = await sendBulkInvites(database.db, { inviter: mine, csv, offer: hourly });
    const seconds = (performance.now() - started) / 1000;
    console.log(`sendBulkInvites: 500 rows in ${seconds.toFixed(1)} s on ${database.kind}`);
    expect(result).toMatchObject({ ok: true, toSend: 500, skipped: 0, sent: 500 });
    expect(await countInvites(mine.workspaceId)).toBe(500);
    expect(await countOutbox()).toBe(outboxBefore + 500);
    const rates = await database.db
      .select({ rate: contracts.hourlyRateCents, n: sql<number>`count(*)::int` })
      .from(contracts)
      .where(eq(contracts.workspaceId, mine.workspaceId))
      .groupBy(contracts.hourlyRateCents)
      .orderBy(contracts.hourlyRateCents);
    expect(rates).toEqual(Array.from({ length: 10 }, (_, i) => ({ rate: (40 + i) * 100, n: 50 })));
    const [person] = await database.db
      .select()
      .from(invites)
      .where(eq(invites.email, 'person499@example.com'));
    expect([person.firstName, person.lastName]).toEqual(['First499', 'Last499']);
    const [audited] = await database.db
      .select({
        rows: sql<number>`count(*)::int`,
        invites: sql<number>`count(distinct ${auditLog.targetId})::int`,
      })
      .from(auditLog)
      .innerJoin(invites, sql`${invites.id}::text = ${auditLog.targetId}`)
      .where(
        and(
          eq(auditLog.action, 'invite.sent'),
          eq(auditLog.actorId, mine.userId),
          eq(invites.workspaceId, mine.workspaceId),
        ),
      );
    expect(audited).toEqual({ rows: 500, invites: 500 });
  }, 180_000);
});
