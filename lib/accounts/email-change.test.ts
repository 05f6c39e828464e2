import { eq } from 'drizzle-orm';
import { auditLog, emailChangeRequests, sessions, users } from '@/db/schema';
import { hashToken } from '@/lib/security/tokens';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  actorSignedIn,
  createFreelancer,
  latestEmail,
  tokenFromEmail,
  installTestEncryptionKey,
  type TestFreelancer,
} from '@/tests/helpers/settings-fixtures';
import {
  confirmEmailChange,
  findEmailChange,
  findOpenEmailChange,
  requestEmailChange,
} from './email-change';
import { signOutEverywhere } from './sessions';
import { changeEmailSchema } from '@/lib/accounts/email-change';
import { asSubmitted } from '@/tests/helpers/submitted';

let database: Awaited<ReturnType<typeof createTestDatabase>>;

installTestEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

async function emailOf(userId: string) {
  const [row] = await database.db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  return row.email;
}

async function request(who: TestFreelancer, email: string, minutesAgo = 1) {
  return asSubmitted(
    changeEmailSchema,
    {
      email,
    },
    async (input) =>
      requestEmailChange(database.db, await actorSignedIn(database.db, who, minutesAgo), input),
  );
}

describe('changing the account email', () => {
  it('sends a link to the new address and a notice to the old one, and changes only on confirm, once', async () => {
    const who = await createFreelancer(database.db);
    const result = await request(who, '  New.Address@Example.com ');
    expect(result).toEqual({
      ok: true,
      message: expect.stringContaining('new.address@example.com'),
    });
    expect(await emailOf(who.userId)).toBe(who.email);
    expect(await findOpenEmailChange(database.db, who.userId)).toMatchObject({
      newEmail: 'new.address@example.com',
    });

    const confirm = await latestEmail(
      database.db,
      'new.address@example.com',
      'email-change-confirm',
    );
    expect(confirm.containsSecret).toBe(true);
    expect(confirm.html).toContain('http://localhost:3000/settings/account/confirm-email?token=');
    expect((await latestEmail(database.db, who.email, 'email-change-requested')).text).toContain(
      'new.address@example.com',
    );

    const token = await tokenFromEmail(
      database.db,
      'new.address@example.com',
      'email-change-confirm',
    );
    expect(await findEmailChange(database.db, token, null)).toMatchObject({ ok: true });
    expect(await emailOf(who.userId)).toBe(who.email);

    expect(await confirmEmailChange(database.db, token, null, '198.51.100.23')).toEqual({
      ok: true,
      message: 'Your account email is now new.address@example.com.',
    });
    expect(await emailOf(who.userId)).toBe('new.address@example.com');
    expect((await latestEmail(database.db, who.email, 'email-change-done')).subject).toBe(
      'Your Workbridge email address was changed',
    );
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorId, who.userId));
    expect(audit).toMatchObject({ action: 'account.email_changed', ip: '198.51.100.23' });

    expect(await confirmEmailChange(database.db, token, who.userId)).toMatchObject({
      ok: false,
      reason: 'link',
      message: expect.stringContaining('already confirmed'),
    });
  });

  it('answers the same for an address another account uses, and tells its owner instead', async () => {
    const who = await createFreelancer(database.db);
    const other = await createFreelancer(database.db);
    const free = await request(who, 'free-address@example.com');
    const taken = await request(who, other.email);
    // Word for word the answer for a free address, but for the address itself.
    expect(taken).toEqual({
      ok: true,
      message: (free.ok ? free.message : '').replace('free-address@example.com', other.email),
    });
    // The account page shows the pending change, and the old address gets its notice, as for
    // any request.
    expect(await findOpenEmailChange(database.db, who.userId)).toMatchObject({
      newEmail: other.email,
    });
    expect((await latestEmail(database.db, who.email, 'email-change-requested')).text).toContain(
      other.email,
    );
    // The owner gets no link (it could never be confirmed), only a note, with a plain-text part.
    expect(await latestEmail(database.db, other.email, 'email-change-confirm')).toBeUndefined();
    const note = await latestEmail(database.db, other.email, 'email-address-in-use');
    expect(note.subject).toBe('Someone tried to use your email address on Workbridge');
    expect(note.containsSecret).toBe(false);
    expect(note.text).toContain('nothing changed');
    expect(note.text).not.toContain(who.email);
    expect(await emailOf(who.userId)).toBe(who.email);
    expect(await emailOf(other.userId)).toBe(other.email);
  });

  it('refuses at confirm time when the address was taken meanwhile', async () => {
    const who = await createFreelancer(database.db);
    await request(who, 'contested@example.com');
    const token = await tokenFromEmail(
      database.db,
      'contested@example.com',
      'email-change-confirm',
    );
    await createFreelancer(database.db, { email: 'contested@example.com' });
    expect(await confirmEmailChange(database.db, token, who.userId)).toMatchObject({
      ok: false,
      reason: 'taken',
    });
    expect(await emailOf(who.userId)).toBe(who.email);
  });

  it('refuses the current address, a malformed one, and a stale sign-in', async () => {
    const who = await createFreelancer(database.db);
    expect(await request(who, who.email.toUpperCase())).toMatchObject({
      fieldErrors: { email: ['That is already your account email.'] },
    });
    expect(await request(who, 'not an email')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await request(who, 'later@example.com', 45)).toMatchObject({
      ok: false,
      reason: 'sign-in-again',
    });
    expect(await findOpenEmailChange(database.db, who.userId)).toBeUndefined();
  });

  it('keeps only the newest link alive, and refuses another account or an expired link', async () => {
    const who = await createFreelancer(database.db);
    const intruder = await createFreelancer(database.db);
    await request(who, 'first@example.com');
    const first = await tokenFromEmail(database.db, 'first@example.com', 'email-change-confirm');
    await request(who, 'second@example.com');
    const second = await tokenFromEmail(database.db, 'second@example.com', 'email-change-confirm');
    expect(await confirmEmailChange(database.db, first, who.userId)).toMatchObject({
      ok: false,
      message: expect.stringContaining('expired'),
    });
    expect(await confirmEmailChange(database.db, second, intruder.userId)).toMatchObject({
      ok: false,
      message: expect.stringContaining('another account'),
    });
    await database.db
      .update(emailChangeRequests)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(emailChangeRequests.tokenHash, hashToken(second)));
    expect(await confirmEmailChange(database.db, second, who.userId)).toMatchObject({
      ok: false,
      message: expect.stringContaining('expired'),
    });
    expect(await emailOf(who.userId)).toBe(who.email);
  });

  it('is rate-limited', async () => {
    const who = await createFreelancer(database.db);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await request(who, `try-${i}@example.com`));
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(results[5]).toMatchObject({ ok: false, reason: 'rate-limited' });
  });
});

describe('signOutEverywhere', () => {
  it("deletes every session of the user and no one else's", async () => {
    const who = await createFreelancer(database.db);
    const other = await createFreelancer(database.db);
    await actorSignedIn(database.db, who, 1);
    await actorSignedIn(database.db, who, 600);
    await actorSignedIn(database.db, other, 1);
    expect(await signOutEverywhere(database.db, who.userId, '203.0.113.7')).toBe(2);
    expect(
      await database.db.select().from(sessions).where(eq(sessions.userId, who.userId)),
    ).toEqual([]);
    expect(
      await database.db.select().from(sessions).where(eq(sessions.userId, other.userId)),
    ).toHaveLength(1);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorId, who.userId));
    expect(audit).toMatchObject({ action: 'auth.sign_out_everywhere', detail: '2 sessions ended' });
  });
});
