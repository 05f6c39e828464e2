import { and, eq } from 'drizzle-orm';
import { auditLog, emailOutbox, payoutMethods, withdrawalSchedules } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  addPayoutMethodNow,
  IBAN_ACCOUNT,
  installTestEncryptionKey,
} from '@/tests/helpers/settings-fixtures';
import { makeWithdrawer } from '@/tests/helpers/withdrawal-fixtures';
import { findSchedule, saveWithdrawalSchedule } from './schedule';

installTestEncryptionKey();

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
// A Wednesday: the weekly schedule's next payout day is today.
const START = new Date('2026-12-02T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
});
beforeEach(() => {
  clock = useFakeClock(START);
});
afterEach(() => clock.restore());
afterAll(() => database.dispose());

const scheduleEmails = (to: string) =>
  database.db
    .select()
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, 'withdrawal-schedule-changed')),
    );

describe('saveWithdrawalSchedule', () => {
  it('saves a weekly schedule, sends one notice and writes the audit log', async () => {
    const { actor, methods } = await makeWithdrawer(database.db, START);
    const result = await saveWithdrawalSchedule(database.db, actor, {
      frequency: 'weekly',
      thresholdCents: 10_000,
      payoutMethodId: methods.paypal,
    });
    expect(result).toMatchObject({ ok: true, holdNote: null });
    expect(await findSchedule(database.db, actor.userId)).toMatchObject({
      frequency: 'weekly',
      thresholdCents: 10_000,
      payoutMethodId: methods.paypal,
      currency: 'USD',
    });
    const emails = await scheduleEmails(actor.email);
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toBe('Your withdrawal schedule changed');
    expect(emails[0].text).toContain('Every Wednesday, when at least $100.00 is available');
    expect(emails[0].text).toContain('December 2, 2026');
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.actorId, actor.userId), eq(auditLog.action, 'withdrawal.schedule_changed')),
      );
    expect(audit).toHaveLength(1);
  });

  it('a second change updates the one row and sends a second notice', async () => {
    const { actor, methods } = await makeWithdrawer(database.db, START);
    const input = { thresholdCents: 5_000, payoutMethodId: methods.usBank };
    await saveWithdrawalSchedule(database.db, actor, { ...input, frequency: 'weekly' });
    const off = await saveWithdrawalSchedule(database.db, actor, {
      frequency: 'off',
      thresholdCents: 5_000,
      payoutMethodId: null,
    });
    expect(off).toMatchObject({ ok: true, schedule: { frequency: 'off', payoutMethodId: null } });
    const rows = await database.db
      .select()
      .from(withdrawalSchedules)
      .where(eq(withdrawalSchedules.freelancerId, actor.userId));
    expect(rows).toHaveLength(1);
    const emails = await scheduleEmails(actor.email);
    expect(emails).toHaveLength(2);
    expect(emails.map((e) => e.text).join('\n')).toContain('Off: no automatic withdrawals');
  });

  it('refuses a threshold below the method minimum, next to the threshold field', async () => {
    const { actor } = await makeWithdrawer(database.db, START);
    const iban = await addPayoutMethodNow(
      database.db,
      { ...actor, signedInAt: new Date() },
      IBAN_ACCOUNT,
    );
    const result = await saveWithdrawalSchedule(database.db, actor, {
      frequency: 'monthly',
      thresholdCents: 499,
      payoutMethodId: iban,
    });
    expect(result).toEqual({
      ok: false,
      field: 'thresholdCents',
      message: expect.stringContaining('at least $5.00'),
    });
    expect(await findSchedule(database.db, actor.userId)).toBeUndefined();
    expect(await scheduleEmails(actor.email)).toHaveLength(0);
  });

  it('allows a method in its hold, saying when payouts start', async () => {
    const { actor } = await makeWithdrawer(database.db, START);
    const iban = await addPayoutMethodNow(
      database.db,
      { ...actor, signedInAt: new Date() },
      IBAN_ACCOUNT,
    );
    const result = await saveWithdrawalSchedule(database.db, actor, {
      frequency: 'twice_monthly',
      thresholdCents: 500,
      payoutMethodId: iban,
    });
    expect(result.ok).toBe(true);
    expect(result.ok && result.holdNote).toMatch(
      /security hold: scheduled payouts to it wait until/,
    );
  });

  it("another freelancer's method is not found; so is a removed one and a malformed id", async () => {
    const mine = await makeWithdrawer(database.db, START);
    const theirs = await makeWithdrawer(database.db, START);
    await database.db
      .update(payoutMethods)
      .set({ removedAt: START, isDefault: false })
      .where(eq(payoutMethods.id, mine.methods.usBank));
    for (const payoutMethodId of [theirs.methods.paypal, mine.methods.usBank, 'not-a-uuid']) {
      const result = await saveWithdrawalSchedule(database.db, mine.actor, {
        frequency: 'weekly',
        thresholdCents: 1_000,
        payoutMethodId,
      });
      expect(result).toMatchObject({ ok: false, field: 'payoutMethodId' });
    }
    expect(await findSchedule(database.db, mine.actor.userId)).toBeUndefined();
  });

  it('an on schedule needs a method; a zero threshold is refused', async () => {
    const { actor, methods } = await makeWithdrawer(database.db, START);
    expect(
      await saveWithdrawalSchedule(database.db, actor, {
        frequency: 'weekly',
        thresholdCents: 1_000,
        payoutMethodId: null,
      }),
    ).toMatchObject({ ok: false, field: 'payoutMethodId' });
    expect(
      await saveWithdrawalSchedule(database.db, actor, {
        frequency: 'weekly',
        thresholdCents: 0,
        payoutMethodId: methods.paypal,
      }),
    ).toMatchObject({ ok: false, field: 'thresholdCents' });
  });

  it('needs a sign-in from the last 30 minutes', async () => {
    const { actor, methods } = await makeWithdrawer(database.db, START);
    clock.advance(31 * 60_000);
    const result = await saveWithdrawalSchedule(database.db, actor, {
      frequency: 'weekly',
      thresholdCents: 1_000,
      payoutMethodId: methods.paypal,
    });
    expect(result).toMatchObject({ ok: false, field: 'form' });
    expect(await findSchedule(database.db, actor.userId)).toBeUndefined();
  });
});
