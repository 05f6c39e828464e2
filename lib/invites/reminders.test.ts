import type { Inviter } from '@/lib/accounts/inviter';
import { and, eq } from 'drizzle-orm';
import { emailOutbox, inviteEvents, inviteTokens, invites } from '@/db/schema';
import { hashToken } from '@/lib/security/tokens';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  createClient,
  findInvite,
  findOutbox,
  inviteData,
  tokenFromOutbox,
} from '@/tests/helpers/invite-fixtures';
import { sendDueReminders } from './reminders';
import { createInvite } from './service';
import { resendInvite, revokeInvite } from './manage';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: Inviter;

beforeAll(async () => {
  database = await createTestDatabase();
  client = await createClient(database.db, { name: 'Dana Lee', workspaceName: 'Acme' });
});
afterAll(() => database.dispose());

const DAY = 24 * 60 * 60 * 1000;

/** An invite whose expiry is `days` from `now`. */
async function inviteExpiringIn(email: string, days: number, now: Date) {
  const created = await createInvite(database.db, { inviter: client, input: inviteData(email) });
  if (!created.ok) throw new Error(created.message);
  await database.db
    .update(invites)
    .set({ expiresAt: new Date(now.getTime() + days * DAY) })
    .where(eq(invites.id, created.inviteId));
  return created.inviteId;
}

async function remindersTo(email: string) {
  return database.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.template, 'invite-reminder')));
}

describe('sendDueReminders', () => {
  it('reminds each invite expiring within 3 days once, and no other', async () => {
    const now = new Date();
    const due = await inviteExpiringIn('due@example.com', 2, now);
    const edge = await inviteExpiringIn('edge@example.com', 3, now);
    const later = await inviteExpiringIn('later@example.com', 3.5, now);
    const expired = await inviteExpiringIn('gone@example.com', -0.1, now);
    const accepted = await inviteExpiringIn('accepted@example.com', 1, now);
    await database.db
      .update(invites)
      .set({ status: 'joined', joinedAt: now, joinedById: client.userId })
      .where(eq(invites.id, accepted));
    const revoked = await inviteExpiringIn('revoked@example.com', 1, now);
    await revokeInvite(database.db, { inviter: client, inviteId: revoked });
    const reminded = await inviteExpiringIn('reminded@example.com', 1, now);
    await database.db
      .update(invites)
      .set({ reminderSentAt: new Date(now.getTime() - DAY) })
      .where(eq(invites.id, reminded));

    expect(await sendDueReminders(database.db, now)).toBe(2);
    expect(await remindersTo('due@example.com')).toHaveLength(1);
    expect(await remindersTo('edge@example.com')).toHaveLength(1);
    for (const email of ['later', 'gone', 'accepted', 'revoked', 'reminded']) {
      expect(await remindersTo(`${email}@example.com`)).toHaveLength(0);
    }
    for (const id of [due, edge]) {
      expect((await findInvite(database.db, id)).reminderSentAt?.getTime()).toBe(now.getTime());
    }
    for (const id of [later, expired, accepted, revoked]) {
      expect((await findInvite(database.db, id)).reminderSentAt).toBeNull();
    }

    // A second run (or a second worker) sends nothing more.
    expect(await sendDueReminders(database.db, now)).toBe(0);
    expect(await sendDueReminders(database.db, new Date(now.getTime() + 60_000))).toBe(0);
    expect(await remindersTo('due@example.com')).toHaveLength(1);
    const events = await database.db
      .select()
      .from(inviteEvents)
      .where(eq(inviteEvents.inviteId, due));
    expect(events.filter((e) => e.type === 'reminder_sent')).toHaveLength(1);
  });

  it('sends a fresh link with the same expiry; the older link is superseded', async () => {
    const now = new Date();
    const id = await inviteExpiringIn('rotate@example.com', 1, now);
    const before = await findInvite(database.db, id);
    const oldToken = await tokenFromOutbox(database.db, before.lastOutboxId!);

    expect(await sendDueReminders(database.db, now)).toBe(1);

    const after = await findInvite(database.db, id);
    expect(after.tokenHash).not.toBe(before.tokenHash);
    expect(after.expiresAt.getTime()).toBe(before.expiresAt.getTime());
    expect(after.lastOutboxId).not.toBe(before.lastOutboxId);
    const reminder = await findOutbox(database.db, after.lastOutboxId!);
    expect(reminder).toMatchObject({
      template: 'invite-reminder',
      toAddress: 'rotate@example.com',
      containsSecret: true,
    });
    expect(reminder.subject).toBe(
      'Reminder: Dana Lee of Acme invited you to work together on Workbridge',
    );
    const newToken = await tokenFromOutbox(database.db, reminder.id);
    expect(hashToken(newToken)).toBe(after.tokenHash);

    const tokens = await database.db
      .select()
      .from(inviteTokens)
      .where(eq(inviteTokens.inviteId, id));
    expect(tokens).toHaveLength(2);
    expect(tokens.find((t) => t.tokenHash === hashToken(oldToken))?.supersededAt?.getTime()).toBe(
      now.getTime(),
    );
    expect(tokens.find((t) => t.tokenHash === after.tokenHash)?.supersededAt).toBeNull();
  });

  it('sends one reminder when two workers run at once', async () => {
    const now = new Date();
    await inviteExpiringIn('twoworkers@example.com', 1, now);
    const counts = await Promise.all([
      sendDueReminders(database.db, now),
      sendDueReminders(database.db, now),
    ]);
    expect(counts[0] + counts[1]).toBe(1);
    expect(await remindersTo('twoworkers@example.com')).toHaveLength(1);
  });

  it('reminds again after a resend restarts the invite', async () => {
    const now = new Date();
    const id = await inviteExpiringIn('again@example.com', 1, now);
    expect(await sendDueReminders(database.db, now)).toBe(1);
    await resendInvite(database.db, { inviter: client, inviteId: id });
    expect((await findInvite(database.db, id)).reminderSentAt).toBeNull();
    // Not due now (30 days left) …
    expect(await sendDueReminders(database.db, now)).toBe(0);
    // … but 28 days later it is.
    expect(await sendDueReminders(database.db, new Date(now.getTime() + 28 * DAY))).toBe(1);
    expect(await remindersTo('again@example.com')).toHaveLength(2);
  });
});
