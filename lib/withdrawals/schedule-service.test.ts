import { and, eq } from 'drizzle-orm';
import { auditLog, emailOutbox, payoutMethods } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  addPayoutMethodNow,
  IBAN_ACCOUNT,
  installTestEncryptionKey,
} from '@/tests/helpers/settings-fixtures';
import { makeWithdrawer } from '@/tests/helpers/withdrawal-fixtures';
import { withdrawalScheduleSchema } from './schedule-schemas';
import {
  findWithdrawalSchedule,
  SCHEDULE_CHANGED_SUBJECT,
  setWithdrawalSchedule,
} from './schedule-service';

installTestEncryptionKey();

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
const START = new Date('2026-12-03T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
});
beforeEach(() => {
  clock = useFakeClock(START);
});
afterEach(() => clock.restore());
afterAll(() => database.dispose());

const form = (values: Record<string, string>) => withdrawalScheduleSchema.parse(values);
const changedEmails = (to: string) =>
  database.db
    .select()
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, 'withdrawal-schedule-changed')),
    );

describe('withdrawalScheduleSchema', () => {
  it.each([
    [{ frequency: 'weekly', threshold: '-5', payoutMethodId: 'x' }, 'threshold'],
    [{ frequency: 'weekly', threshold: '1.005', payoutMethodId: 'x' }, 'threshold'],
    [{ frequency: 'weekly', threshold: '100' }, 'payoutMethodId'],
    [{ frequency: 'daily', threshold: '100', payoutMethodId: 'x' }, 'frequency'],
  ])('refuses %p at %s', (values, field) => {
    const parsed = withdrawalScheduleSchema.safeParse(values);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path[0])).toContain(field);
  });

  it('needs nothing else when off', () => {
    expect(withdrawalScheduleSchema.parse({ frequency: 'off' })).toEqual({
      frequency: 'off',
      thresholdCents: null,
      payoutMethodId: null,
    });
  });
});

describe('setWithdrawalSchedule', () => {
  it('saves the schedule, audits it and sends one notice', async () => {
    const w = await makeWithdrawer(database.db, START);
    const result = await setWithdrawalSchedule(
      database.db,
      w.actor,
      form({ frequency: 'twice_monthly', threshold: '250', payoutMethodId: w.methods.paypal }),
    );
    expect(result).toMatchObject({
      ok: true,
      notice: expect.stringContaining('December 16, 2026'),
    });
    expect(await findWithdrawalSchedule(database.db, w.actor.userId)).toMatchObject({
      frequency: 'twice_monthly',
      thresholdCents: 25_000,
      payoutMethodId: w.methods.paypal,
    });
    const emails = await changedEmails(w.actor.email);
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toBe(SCHEDULE_CHANGED_SUBJECT);
    expect(emails[0].text).toContain('$250.00');
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.actorId, w.actor.userId),
          eq(auditLog.action, 'withdrawal.schedule_changed'),
        ),
      );
    expect(audits).toHaveLength(1);

    await setWithdrawalSchedule(database.db, w.actor, form({ frequency: 'off' }));
    expect(await findWithdrawalSchedule(database.db, w.actor.userId)).toMatchObject({
      frequency: 'off',
    });
    expect(await changedEmails(w.actor.email)).toHaveLength(2);
  });

  it("refuses another freelancer's method as not found, and changes nothing", async () => {
    const w = await makeWithdrawer(database.db, START);
    const other = await makeWithdrawer(database.db, START);
    const result = await setWithdrawalSchedule(
      database.db,
      w.actor,
      form({ frequency: 'weekly', threshold: '100', payoutMethodId: other.methods.paypal }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { payoutMethodId: ['That payout method was not found among yours.'] },
    });
    expect((await findWithdrawalSchedule(database.db, w.actor.userId)).frequency).toBe('off');
    expect(await changedEmails(w.actor.email)).toHaveLength(0);
  });

  it('refuses a threshold below the method minimum, next to the field', async () => {
    const w = await makeWithdrawer(database.db, START);
    const iban = await addPayoutMethodNow(database.db, w.actor, IBAN_ACCOUNT);
    const result = await setWithdrawalSchedule(
      database.db,
      w.actor,
      form({ frequency: 'weekly', threshold: '4.99', payoutMethodId: iban }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { threshold: [expect.stringContaining('at least $5.00')] },
    });
  });

  it('accepts a method in its hold and says when payouts start', async () => {
    const w = await makeWithdrawer(database.db, START);
    await database.db
      .update(payoutMethods)
      .set({ usableAfter: new Date('2026-12-05T10:00:00Z') })
      .where(eq(payoutMethods.id, w.methods.usBank));
    const result = await setWithdrawalSchedule(
      database.db,
      w.actor,
      form({ frequency: 'weekly', threshold: '100', payoutMethodId: w.methods.usBank }),
    );
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.notice).toMatch(/payouts to it wait until .*December 5, 2026/);
    expect(result.notice).toContain('December 9, 2026');
  });

  it('wants a sign-in from the last 30 minutes', async () => {
    const w = await makeWithdrawer(database.db, START);
    const stale = { ...w.actor, signedInAt: new Date(START.getTime() - 31 * 60_000) };
    const result = await setWithdrawalSchedule(
      database.db,
      stale,
      form({ frequency: 'weekly', threshold: '100', payoutMethodId: w.methods.usBank }),
    );
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('30 minutes') });
    expect((await findWithdrawalSchedule(database.db, w.actor.userId)).frequency).toBe('off');
  });
});
