import { createElement } from 'react';
import { and, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { freelancerProfiles, users, withdrawalSchedules } from '@/db/schema';
import MoneyNoticeEmail from '@/emails/money-notice';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf } from '@/lib/ledger/queries';
import { formatHoldEnd, methodTitle } from '@/lib/payouts/present';
import { findActivePayoutMethod } from '@/lib/payouts/queries';
import { findTaxProfile } from '@/lib/tax/queries';
import { largestAmountCents, termsOf } from './fees';
import type { ScheduleRow } from './schedule';
import { isPayoutDay, SCHEDULE_FREQUENCIES, utcDateKey } from './schedule-days';
import { recordWithdrawal, WITHDRAWAL_CURRENCY } from './service';

export type ScheduledOutcome = 'withdrawn' | 'below-threshold' | 'skipped';

/**
 * The tick step for automatic withdrawals (issue 17.3). On a payout day, each due schedule
 * is handled once: claimed with SKIP LOCKED, marked with the day (`last_run_on`) in the same
 * transaction, so a second tick that day finds nothing. A schedule whose available balance is
 * at least its threshold withdraws all of it less the method's fee, through recordWithdrawal
 * with the key `schedule:<freelancerId>:<yyyy-mm-dd>` (a replay of that key is the same
 * withdrawal); the settlement job sends it to the provider. No recent sign-in is asked: the
 * freelancer consented when they set the schedule. Missing tax information or a method in
 * its hold (or removed) skips the day with one email saying why. Returns how many it handled.
 */
export async function runScheduledWithdrawals(db: Db, at: Date, batchSize = 50): Promise<number> {
  const due = SCHEDULE_FREQUENCIES.filter((f) => isPayoutDay(f, at));
  if (due.length === 0) return 0;
  const today = utcDateKey(at);
  let done = 0;
  for (;;) {
    const handled = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(withdrawalSchedules)
        .where(
          and(
            inArray(withdrawalSchedules.frequency, due),
            or(isNull(withdrawalSchedules.lastRunOn), ne(withdrawalSchedules.lastRunOn, today)),
          ),
        )
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const row of rows) {
        await runOne(tx, row, at, today);
        await tx
          .update(withdrawalSchedules)
          .set({ lastRunOn: today })
          .where(eq(withdrawalSchedules.freelancerId, row.freelancerId));
      }
      return rows.length;
    });
    done += handled;
    if (handled < batchSize) return done;
  }
}

async function runOne(
  tx: Tx,
  schedule: ScheduleRow,
  at: Date,
  today: string,
): Promise<ScheduledOutcome> {
  const method = schedule.payoutMethodId
    ? await findActivePayoutMethod(tx, schedule.freelancerId, schedule.payoutMethodId)
    : undefined;
  if (!method) {
    await notifySkipped(tx, schedule, 'The payout method on your schedule was removed.');
    return 'skipped';
  }
  const available = await balanceOf(
    tx,
    accounts.available(schedule.freelancerId),
    WITHDRAWAL_CURRENCY,
  );
  const amountCents = largestAmountCents(method.kind, available);
  // Below the threshold is the ordinary case: nothing to say, the next payout day tries again.
  if (available < schedule.thresholdCents || amountCents < termsOf(method.kind).minimumCents) {
    return 'below-threshold';
  }
  if (method.usableAfter > at) {
    await notifySkipped(
      tx,
      schedule,
      `${methodTitle(method)} is in its 3-day security hold until ${formatHoldEnd(method.usableAfter)}.`,
    );
    return 'skipped';
  }
  if (!(await findTaxProfile(tx, schedule.freelancerId))) {
    await notifySkipped(
      tx,
      schedule,
      'Your tax information is missing: add it in Settings → Tax information.',
    );
    return 'skipped';
  }
  const result = await recordWithdrawal(
    tx,
    schedule.freelancerId,
    method,
    {
      payoutMethodId: method.id,
      amountCents,
      idempotencyKey: `schedule:${schedule.freelancerId}:${today}`,
    },
    at,
  );
  return result.ok ? 'withdrawn' : 'skipped';
}

async function notifySkipped(tx: Tx, schedule: ScheduleRow, reason: string) {
  const [who] = await tx
    .select({ email: users.email, firstName: freelancerProfiles.firstName })
    .from(users)
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
    .where(eq(users.id, schedule.freelancerId));
  await sendEmail(tx, {
    to: who.email,
    subject: 'Your scheduled withdrawal was skipped today',
    template: 'withdrawal-schedule-skipped',
    element: createElement(MoneyNoticeEmail, {
      firstName: who.firstName ?? '',
      heading: 'Your scheduled withdrawal was skipped today',
      paragraphs: [
        `Today is a payout day on your schedule, but nothing was withdrawn. ${reason}`,
        'Your money stays in your available balance; the next payout day tries again.',
      ],
      actionLabel: 'Review your schedule',
      url: new URL('/earnings/schedule', getEnv().APP_URL).toString(),
    }),
  });
}
