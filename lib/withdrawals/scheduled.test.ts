import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  emailOutbox,
  payoutMethods,
  withdrawalScheduleRuns,
  withdrawalSchedules,
} from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createTestDatabase } from '@/tests/helpers/db';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import {
  balancesOfFreelancer,
  fundAvailable,
  makeWithdrawer,
  registerAtStripe,
  withdrawalRows,
  type Withdrawer,
} from '@/tests/helpers/withdrawal-fixtures';
import { createSimulatedPayoutProvider } from '@/lib/payments/simulated-payouts';
import { applyPayeeStatus } from './payee-status';
import type { WithdrawalFrequency } from './schedule-days';
import { settleDueWithdrawals } from './settle';
import { DORMANT_DAYS, runScheduledWithdrawals, scheduledWithdrawalKey } from './scheduled';

installTestEncryptionKey();

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
// Wednesday 2 December 2026: the 1st Wednesday (weekly and twice a month, not monthly).
const WEDNESDAY = new Date('2026-12-02T06:00:00Z');
const DAY = 86_400_000;

beforeAll(async () => {
  database = await createTestDatabase();
});
beforeEach(() => {
  clock = useFakeClock(WEDNESDAY);
});
afterEach(() => clock.restore());
afterAll(() => database.dispose());

async function schedule(
  db: Db,
  w: Withdrawer,
  frequency: WithdrawalFrequency,
  thresholdCents: number,
  method: 'paypal' | 'usBank' = 'paypal',
) {
  await db.insert(withdrawalSchedules).values({
    freelancerId: w.actor.userId,
    frequency,
    thresholdCents,
    payoutMethodId: w.methods[method],
    updatedAt: WEDNESDAY,
  });
}

const skippedEmails = (db: Db, to: string) =>
  db
    .select()
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, 'scheduled-withdrawal-skipped')),
    );

const runsOf = (db: Db, freelancerId: string) =>
  db
    .select()
    .from(withdrawalScheduleRuns)
    .where(eq(withdrawalScheduleRuns.freelancerId, freelancerId));

describe('runScheduledWithdrawals', () => {
  it('withdraws everything available less the fee on a payout day, once however often it runs', async () => {
    const db = database.db;
    const w = await makeWithdrawer(db, WEDNESDAY, { availableCents: 10_000 });
    await schedule(db, w, 'weekly', 5_000);

    await runScheduledWithdrawals(db, WEDNESDAY);
    await runScheduledWithdrawals(db, new Date(WEDNESDAY.getTime() + 3_600_000));

    const rows = await withdrawalRows(db, w.actor.userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      payoutMethodId: w.methods.paypal,
      amountCents: 9_800,
      feeCents: 200,
      status: 'requested',
      idempotencyKey: scheduledWithdrawalKey(w.actor.userId, '2026-12-02'),
    });
    expect(await balancesOfFreelancer(db, w.actor.userId)).toEqual({
      available: 0,
      withdrawing: 9_800,
    });
    expect(await runsOf(db, w.actor.userId)).toEqual([
      expect.objectContaining({ outcome: 'withdrawn', withdrawalId: rows[0].id, rule: 'schedule' }),
    ]);
  });

  it('does nothing on a day that is not a payout day of the schedule', async () => {
    const db = database.db;
    const monthly = await makeWithdrawer(db, WEDNESDAY, { availableCents: 10_000 });
    await schedule(db, monthly, 'monthly', 100);
    const weekly = await makeWithdrawer(db, WEDNESDAY, { availableCents: 10_000 });
    await schedule(db, weekly, 'weekly', 100);

    await runScheduledWithdrawals(db, WEDNESDAY); // not the last Wednesday
    await runScheduledWithdrawals(db, new Date(WEDNESDAY.getTime() + DAY)); // Thursday
    expect(await withdrawalRows(db, monthly.actor.userId)).toHaveLength(0);
    expect(await withdrawalRows(db, weekly.actor.userId)).toHaveLength(1);

    await runScheduledWithdrawals(db, new Date('2026-12-30T00:10:00Z')); // the last one
    expect(await withdrawalRows(db, monthly.actor.userId)).toHaveLength(1);
  });

  it('waits while the balance is below the threshold, without an email', async () => {
    const db = database.db;
    const w = await makeWithdrawer(db, WEDNESDAY, { availableCents: 4_999 });
    await schedule(db, w, 'weekly', 5_000);

    await runScheduledWithdrawals(db, WEDNESDAY);
    expect(await withdrawalRows(db, w.actor.userId)).toHaveLength(0);
    expect(await skippedEmails(db, w.actor.email)).toHaveLength(0);
    expect((await runsOf(db, w.actor.userId))[0].outcome).toBe('below_threshold');

    await fundAvailable(db, w.actor.userId, 1);
    const next = new Date('2026-12-09T06:00:00Z');
    await runScheduledWithdrawals(db, next);
    expect(await withdrawalRows(db, w.actor.userId)).toEqual([
      expect.objectContaining({ amountCents: 4_800, feeCents: 200 }),
    ]);
  });

  it('skips a freelancer without tax information and says so in one email', async () => {
    const db = database.db;
    const w = await makeWithdrawer(db, WEDNESDAY, { availableCents: 10_000, taxInfo: false });
    await schedule(db, w, 'twice_monthly', 1_000);

    await runScheduledWithdrawals(db, WEDNESDAY);
    await runScheduledWithdrawals(db, new Date(WEDNESDAY.getTime() + 60_000));

    expect(await withdrawalRows(db, w.actor.userId)).toHaveLength(0);
    expect((await balancesOfFreelancer(db, w.actor.userId)).available).toBe(10_000);
    const emails = await skippedEmails(db, w.actor.email);
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toBe('Your scheduled withdrawal did not go out');
    expect(emails[0].text).toContain('tax information');
    expect(await runsOf(db, w.actor.userId)).toEqual([
      expect.objectContaining({ outcome: 'skipped', reason: expect.stringContaining('tax') }),
    ]);
  });

  it('skips a method still in its hold, naming the date', async () => {
    const db = database.db;
    const w = await makeWithdrawer(db, WEDNESDAY, { availableCents: 10_000 });
    await db
      .update(payoutMethods)
      .set({ usableAfter: new Date('2026-12-04T09:00:00Z') })
      .where(eq(payoutMethods.id, w.methods.paypal));
    await schedule(db, w, 'weekly', 1_000);

    await runScheduledWithdrawals(db, WEDNESDAY);
    expect(await withdrawalRows(db, w.actor.userId)).toHaveLength(0);
    const [email] = await skippedEmails(db, w.actor.email);
    expect(email.text).toMatch(/security hold until .*December 4, 2026/);
  });

  it('skips a method whose Stripe account has payouts disabled, naming what Stripe needs; pays once it is enabled', async () => {
    const db = database.db;
    const w = await makeWithdrawer(db, WEDNESDAY, { availableCents: 10_000 });
    const account = await registerAtStripe(db, w, {
      payoutsEnabled: false,
      requirementsDue: ['individual.dob.day', 'individual.dob.month', 'individual.dob.year'],
    });
    await schedule(db, w, 'weekly', 1_000, 'usBank');

    await runScheduledWithdrawals(db, WEDNESDAY);
    expect(await withdrawalRows(db, w.actor.userId)).toHaveLength(0);
    expect((await balancesOfFreelancer(db, w.actor.userId)).available).toBe(10_000);
    const emails = await skippedEmails(db, w.actor.email);
    expect(emails).toHaveLength(1);
    expect(emails[0].text).toContain(
      'Stripe needs more information before it can pay out to your US bank account (checking) ending 0417: your date of birth.',
    );
    expect(await runsOf(db, w.actor.userId)).toEqual([
      expect.objectContaining({ outcome: 'skipped', reason: expect.stringContaining('Stripe') }),
    ]);

    await applyPayeeStatus(db, 'stripe', {
      payeeRef: account,
      payoutsEnabled: true,
      requirementsDue: [],
      eventuallyDue: [],
      deadline: null,
      errors: [],
      disabledReason: null,
      asOf: new Date(WEDNESDAY.getTime() + 3_600_000),
    });
    const nextWeek = new Date(WEDNESDAY.getTime() + 7 * DAY);
    await runScheduledWithdrawals(db, nextWeek);
    expect(await withdrawalRows(db, w.actor.userId)).toEqual([
      expect.objectContaining({ payoutMethodId: w.methods.usBank, amountCents: 10_000 }),
    ]);
  });

  it('counts only withdrawals it made, on Wednesdays only', async () => {
    const db = database.db;
    const w = await makeWithdrawer(db, WEDNESDAY, { availableCents: 10_000 });
    await schedule(db, w, 'weekly', 1_000);
    expect(await runScheduledWithdrawals(db, new Date('2026-12-03T06:00:00Z'))).toBe(0);
    const first = await runScheduledWithdrawals(db, WEDNESDAY);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await runScheduledWithdrawals(db, WEDNESDAY)).toBe(0);
  });
});

describe('the withdrawal notices', () => {
  const emailsOf = (db: Db, to: string, template: string) =>
    db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, template)));

  it('emails once when the automatic withdrawal is requested and once when it is paid', async () => {
    const db = database.db;
    const w = await makeWithdrawer(db, WEDNESDAY, { availableCents: 10_000 });
    await schedule(db, w, 'weekly', 1_000);
    await runScheduledWithdrawals(db, WEDNESDAY);
    const requested = await emailsOf(db, w.actor.email, 'withdrawal-requested');
    expect(requested).toHaveLength(1);
    expect(requested[0].subject).toBe('Your withdrawal is on its way');
    expect(requested[0].text).toContain('Your withdrawal schedule withdrew $98.00');
    const [withdrawal] = await withdrawalRows(db, w.actor.userId);
    // The email opens the withdrawal's own page (its steps, and why if it comes back).
    expect(requested[0].html).toContain(`/earnings/withdrawals/${withdrawal.id}`);
    expect(await emailsOf(db, w.actor.email, 'withdrawal-paid')).toHaveLength(0);

    const provider = createSimulatedPayoutProvider(db);
    for (const minutes of [1, 3, 5]) {
      const at = new Date(WEDNESDAY.getTime() + minutes * 60_000);
      clock.set(at);
      await settleDueWithdrawals(db, provider, at);
    }
    expect((await withdrawalRows(db, w.actor.userId))[0].status).toBe('paid');
    const paid = await emailsOf(db, w.actor.email, 'withdrawal-paid');
    expect(paid).toHaveLength(1);
    expect(paid[0].text).toContain('$98.00 to PayPal');
    expect(paid[0].html).toContain(`/earnings/withdrawals/${withdrawal.id}`);
  });
});

describe('the 180-day rule', () => {
  /** A freelancer whose available money came in `daysAgo` days before WEDNESDAY. */
  async function fundedDaysAgo(daysAgo: number, options: { taxInfo?: boolean } = {}) {
    const then = new Date(WEDNESDAY.getTime() - daysAgo * DAY);
    clock.set(then);
    const w = await makeWithdrawer(database.db, then, { availableCents: 7_000, ...options });
    clock.set(WEDNESDAY);
    return w;
  }

  it('pays out a balance untouched for 180 days to the default method', async () => {
    const db = database.db;
    const w = await fundedDaysAgo(DORMANT_DAYS);
    await runScheduledWithdrawals(db, WEDNESDAY);
    await runScheduledWithdrawals(db, WEDNESDAY);
    expect(await withdrawalRows(db, w.actor.userId)).toEqual([
      expect.objectContaining({
        payoutMethodId: w.methods.usBank,
        amountCents: 7_000,
        feeCents: 0,
      }),
    ]);
    expect((await runsOf(db, w.actor.userId))[0].rule).toBe('dormant');
    // Paid: the next Wednesday finds a withdrawal since, and nothing more happens.
    await runScheduledWithdrawals(db, new Date(WEDNESDAY.getTime() + 7 * DAY));
    expect(await withdrawalRows(db, w.actor.userId)).toHaveLength(1);
  });

  it('leaves younger money alone; newer money does not restart the 180 days, a withdrawal does', async () => {
    const db = database.db;
    const young = await fundedDaysAgo(DORMANT_DAYS - 1);
    const touched = await fundedDaysAgo(DORMANT_DAYS + 30);
    clock.set(new Date(WEDNESDAY.getTime() - 20 * DAY));
    await fundAvailable(db, touched.actor.userId, 1_000);
    await runScheduledWithdrawals(db, WEDNESDAY);
    expect(await withdrawalRows(db, young.actor.userId)).toHaveLength(0);
    expect(await withdrawalRows(db, touched.actor.userId)).toHaveLength(1);

    // `touched` was paid everything; new money 20 days old is not dormant.
    await fundAvailable(db, touched.actor.userId, 2_000);
    await runScheduledWithdrawals(db, new Date(WEDNESDAY.getTime() + 7 * DAY));
    expect(await withdrawalRows(db, touched.actor.userId)).toHaveLength(1);
  });

  it('does not apply to a freelancer whose schedule is on (their threshold decides)', async () => {
    const db = database.db;
    const w = await fundedDaysAgo(DORMANT_DAYS + 1);
    await schedule(db, w, 'monthly', 50_000);
    await runScheduledWithdrawals(db, WEDNESDAY);
    expect(await withdrawalRows(db, w.actor.userId)).toHaveLength(0);
  });

  it('skips without tax information, with one email', async () => {
    const db = database.db;
    const w = await fundedDaysAgo(DORMANT_DAYS + 1, { taxInfo: false });
    await runScheduledWithdrawals(db, WEDNESDAY);
    await runScheduledWithdrawals(db, WEDNESDAY);
    expect(await withdrawalRows(db, w.actor.userId)).toHaveLength(0);
    const emails = await skippedEmails(db, w.actor.email);
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toBe('We could not pay out your long-unused balance');
  });
});
