import { and, eq } from 'drizzle-orm';
import { emailOutbox, payoutMethods } from '@/db/schema';
import { useFakeClock, type FakeClock } from '@/lib/clock';
import { createTestDatabase } from '@/tests/helpers/db';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import {
  balancesOfFreelancer,
  fundAvailable,
  makeWithdrawer,
  withdrawalRows,
} from '@/tests/helpers/withdrawal-fixtures';
import { saveWithdrawalSchedule } from './schedule';
import type { ScheduleFrequency } from './schedule-days';
import { runScheduledWithdrawals } from './scheduled-run';

installTestEncryptionKey();

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let clock: FakeClock;
const WEDNESDAY = new Date('2026-12-09T06:00:00Z'); // the 2nd Wednesday of December
const THURSDAY = new Date('2026-12-10T06:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
});
beforeEach(() => {
  clock = useFakeClock(WEDNESDAY);
});
afterEach(() => clock.restore());
afterAll(() => database.dispose());

/** A freelancer with `availableCents` and a schedule to PayPal (fee $2.00). */
async function scheduled(
  frequency: ScheduleFrequency,
  thresholdCents: number,
  availableCents: number,
  options: { taxInfo?: boolean } = {},
) {
  const w = await makeWithdrawer(database.db, WEDNESDAY, { availableCents, ...options });
  const saved = await saveWithdrawalSchedule(database.db, w.actor, {
    frequency,
    thresholdCents,
    payoutMethodId: w.methods.paypal,
  });
  if (!saved.ok) throw new Error(saved.message);
  return w;
}

const skippedEmails = (to: string) =>
  database.db
    .select()
    .from(emailOutbox)
    .where(
      and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, 'withdrawal-schedule-skipped')),
    );

describe('runScheduledWithdrawals', () => {
  it('on a payout day withdraws the whole available balance less the fee, once', async () => {
    const w = await scheduled('weekly', 5_000, 10_000);
    await runScheduledWithdrawals(database.db, WEDNESDAY);
    await runScheduledWithdrawals(database.db, new Date(WEDNESDAY.getTime() + 3_600_000));
    const rows = await withdrawalRows(database.db, w.actor.userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      amountCents: 9_800,
      feeCents: 200,
      status: 'requested',
      payoutMethodId: w.methods.paypal,
      idempotencyKey: `schedule:${w.actor.userId}:2026-12-09`,
    });
    expect((await balancesOfFreelancer(database.db, w.actor.userId)).available).toBe(0);
    const requested = await database.db
      .select()
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.toAddress, w.actor.email),
          eq(emailOutbox.template, 'withdrawal-requested'),
        ),
      );
    expect(requested).toHaveLength(1);
    expect(requested[0].text).toContain('$98.00 to PayPal');
  });

  it('does nothing on a day that is not a payout day for the schedule', async () => {
    const weekly = await scheduled('weekly', 1_000, 10_000);
    const monthly = await scheduled('monthly', 1_000, 10_000); // the last Wednesday is the 30th
    await runScheduledWithdrawals(database.db, THURSDAY);
    await runScheduledWithdrawals(database.db, WEDNESDAY);
    expect(await withdrawalRows(database.db, weekly.actor.userId)).toHaveLength(1);
    expect(await withdrawalRows(database.db, monthly.actor.userId)).toHaveLength(0);
  });

  it('leaves a balance below the threshold, and tries again on the next payout day', async () => {
    const w = await scheduled('weekly', 20_000, 10_000);
    await runScheduledWithdrawals(database.db, WEDNESDAY);
    expect(await withdrawalRows(database.db, w.actor.userId)).toHaveLength(0);
    expect(await skippedEmails(w.actor.email)).toHaveLength(0);
    await fundAvailable(database.db, w.actor.userId, 10_000);
    await runScheduledWithdrawals(database.db, new Date('2026-12-16T06:00:00Z'));
    expect(await withdrawalRows(database.db, w.actor.userId)).toMatchObject([
      { amountCents: 19_800 },
    ]);
  });

  it('without tax information skips the day with one email, however often the tick runs', async () => {
    const w = await scheduled('weekly', 1_000, 10_000, { taxInfo: false });
    await runScheduledWithdrawals(database.db, WEDNESDAY);
    await runScheduledWithdrawals(database.db, new Date(WEDNESDAY.getTime() + 60_000));
    expect(await withdrawalRows(database.db, w.actor.userId)).toHaveLength(0);
    const emails = await skippedEmails(w.actor.email);
    expect(emails).toHaveLength(1);
    expect(emails[0].text).toContain('Your tax information is missing');
    expect((await balancesOfFreelancer(database.db, w.actor.userId)).available).toBe(10_000);
  });

  it('a method in its hold skips the day and says until when', async () => {
    const w = await scheduled('weekly', 1_000, 10_000);
    await database.db
      .update(payoutMethods)
      .set({ usableAfter: new Date('2026-12-11T00:00:00Z') })
      .where(eq(payoutMethods.id, w.methods.paypal));
    await runScheduledWithdrawals(database.db, WEDNESDAY);
    expect(await withdrawalRows(database.db, w.actor.userId)).toHaveLength(0);
    const emails = await skippedEmails(w.actor.email);
    expect(emails).toHaveLength(1);
    expect(emails[0].text).toContain('security hold until');
  });
});
