import { eq } from 'drizzle-orm';
import { auditLog, pendingConfirmations } from '@/db/schema';
import {
  findSessionSignedInAt,
  isRecentSignIn,
  RECENT_SIGN_IN_MINUTES,
} from '@/lib/accounts/recent-sign-in';
import { hashToken } from '@/lib/security/tokens';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  actorSignedIn,
  createFreelancer,
  latestEmail,
  payoutRows,
  tokenFromEmail,
  US_BANK,
  installTestEncryptionKey,
} from '@/tests/helpers/settings-fixtures';
import {
  confirmPayoutChange,
  previewPayoutConfirmation,
  requestAddPayoutMethod,
  requestRemovePayoutMethod,
} from './service';
import { addPayoutMethodSchema } from '@/lib/payouts/schemas';
import { asSubmitted } from '@/tests/helpers/submitted';

let database: Awaited<ReturnType<typeof createTestDatabase>>;

installTestEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

describe('the recent sign-in rule', () => {
  it('counts a sign-in of up to 30 minutes ago, and no session at all as not recent', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(isRecentSignIn(new Date(now.getTime() - RECENT_SIGN_IN_MINUTES * 60_000), now)).toBe(
      true,
    );
    expect(isRecentSignIn(new Date(now.getTime() - RECENT_SIGN_IN_MINUTES * 60_000 - 1), now)).toBe(
      false,
    );
    expect(isRecentSignIn(null, now)).toBe(false);
  });

  it('finds the sign-in time from the cookie value of a session of this user only', async () => {
    const who = await createFreelancer(database.db);
    const other = await createFreelancer(database.db);
    const actor = await actorSignedIn(database.db, who, 5);
    expect(actor.signedInAt!.getTime()).toBeGreaterThan(Date.now() - 6 * 60_000);
    expect(await findSessionSignedInAt(database.db, other.userId, actor.sessionToken)).toBeNull();
    expect(await findSessionSignedInAt(database.db, who.userId, undefined)).toBeNull();
  });

  it('applies an add at once after a fresh sign-in', async () => {
    const who = await createFreelancer(database.db);
    const result = await asSubmitted(addPayoutMethodSchema, US_BANK, async (input) =>
      requestAddPayoutMethod(database.db, await actorSignedIn(database.db, who, 2), input),
    );
    expect(result).toMatchObject({ ok: true, status: 'applied' });
    expect(await payoutRows(database.db, who.userId)).toHaveLength(1);
  });
});

describe('an add asked for with an old sign-in', () => {
  it('waits for the emailed link, is applied once on confirm, and a second confirm is refused', async () => {
    const who = await createFreelancer(database.db);
    const stale = await actorSignedIn(database.db, who, 45);
    const result = await asSubmitted(addPayoutMethodSchema, US_BANK, (input) =>
      requestAddPayoutMethod(database.db, stale, input),
    );
    expect(result).toMatchObject({ ok: true, status: 'confirmation-sent' });
    expect(await payoutRows(database.db, who.userId)).toEqual([]);

    const email = await latestEmail(database.db, who.email, 'payout-confirm');
    expect(email.containsSecret).toBe(true);
    expect(email.text).toContain('Add US bank account (checking) ending 0417');
    expect(email.html).toContain('http://localhost:3000/settings/confirm?token=');
    const token = await tokenFromEmail(database.db, who.email, 'payout-confirm');
    const [pending] = await database.db
      .select()
      .from(pendingConfirmations)
      .where(eq(pendingConfirmations.tokenHash, hashToken(token)));
    expect(pending).toMatchObject({ userId: who.userId, action: 'payout.add', usedAt: null });
    expect(pending.payloadEncrypted).toMatch(/^v1\./);
    expect(pending.expiresAt.getTime() - pending.createdAt.getTime()).toBeCloseTo(30 * 60_000, -4);

    // Opening the page (GET) shows the change and changes nothing.
    expect(await previewPayoutConfirmation(database.db, token, who.userId)).toEqual({
      ok: true,
      change: 'Add US bank account (checking) ending 0417',
    });
    expect(await previewPayoutConfirmation(database.db, token, null)).toMatchObject({ ok: true });
    expect(await payoutRows(database.db, who.userId)).toEqual([]);

    const confirmed = await confirmPayoutChange(database.db, token, null, '198.51.100.24');
    expect(confirmed).toMatchObject({ ok: true, status: 'applied' });
    // The audit log names the browser that used the link.
    const [audit] = await database.db
      .select({ action: auditLog.action, ip: auditLog.ip })
      .from(auditLog)
      .where(eq(auditLog.actorId, who.userId));
    expect(audit).toEqual({ action: 'payout.added', ip: '198.51.100.24' });
    const rows = await payoutRows(database.db, who.userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ last4: '0417', isDefault: true });
    expect(rows[0].usableAfter.getTime()).toBeGreaterThan(Date.now() + 3 * 86_400_000 - 5000);
    expect((await latestEmail(database.db, who.email, 'payout-added')).text).toContain(
      'ending 0417',
    );

    expect(await confirmPayoutChange(database.db, token, who.userId)).toEqual({
      ok: false,
      reason: 'link',
      message: expect.stringContaining('already used'),
    });
    expect(await previewPayoutConfirmation(database.db, token, who.userId)).toEqual({
      ok: false,
      message: expect.stringContaining('already used'),
    });
    expect(await payoutRows(database.db, who.userId)).toHaveLength(1);
  });

  it('is applied once when the link is confirmed twice at the same time', async () => {
    const who = await createFreelancer(database.db);
    await asSubmitted(addPayoutMethodSchema, US_BANK, async (input) =>
      requestAddPayoutMethod(database.db, await actorSignedIn(database.db, who, 60), input),
    );
    const token = await tokenFromEmail(database.db, who.email, 'payout-confirm');
    const results = await Promise.all(
      [1, 2, 3].map(() => confirmPayoutChange(database.db, token, who.userId)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await payoutRows(database.db, who.userId)).toHaveLength(1);
  });

  it('refuses an expired link, an unknown one, and one opened by another signed-in account', async () => {
    const who = await createFreelancer(database.db);
    const intruder = await createFreelancer(database.db);
    await asSubmitted(addPayoutMethodSchema, US_BANK, async (input) =>
      requestAddPayoutMethod(database.db, await actorSignedIn(database.db, who, 60), input),
    );
    const token = await tokenFromEmail(database.db, who.email, 'payout-confirm');

    expect(await confirmPayoutChange(database.db, token, intruder.userId)).toEqual({
      ok: false,
      reason: 'link',
      message: expect.stringContaining('another account'),
    });
    expect(await confirmPayoutChange(database.db, 'made-up-token', who.userId)).toMatchObject({
      ok: false,
      message: expect.stringContaining('not valid'),
    });
    await database.db
      .update(pendingConfirmations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(pendingConfirmations.tokenHash, hashToken(token)));
    expect(await confirmPayoutChange(database.db, token, who.userId)).toMatchObject({
      ok: false,
      message: expect.stringContaining('expired'),
    });
    expect(await payoutRows(database.db, who.userId)).toEqual([]);
  });
});

describe('a removal asked for with an old sign-in', () => {
  it('keeps the method until the link is confirmed', async () => {
    const who = await createFreelancer(database.db);
    const add = await asSubmitted(addPayoutMethodSchema, US_BANK, async (input) =>
      requestAddPayoutMethod(database.db, await actorSignedIn(database.db, who, 1), input),
    );
    if (!add.ok || add.status !== 'applied') throw new Error('add failed');
    const result = await requestRemovePayoutMethod(
      database.db,
      await actorSignedIn(database.db, who, 31),
      add.methodId,
    );
    expect(result).toMatchObject({ ok: true, status: 'confirmation-sent' });
    expect((await payoutRows(database.db, who.userId))[0].removedAt).toBeNull();

    const token = await tokenFromEmail(database.db, who.email, 'payout-confirm');
    expect(await previewPayoutConfirmation(database.db, token, who.userId)).toEqual({
      ok: true,
      change: 'Remove US bank account (checking) ending 0417',
    });
    expect(await confirmPayoutChange(database.db, token, who.userId)).toMatchObject({
      ok: true,
      status: 'applied',
      methodId: add.methodId,
    });
    expect((await payoutRows(database.db, who.userId))[0].removedAt).toBeInstanceOf(Date);
    expect((await latestEmail(database.db, who.email, 'payout-removed')).subject).toContain(
      'removed',
    );
  });
});
