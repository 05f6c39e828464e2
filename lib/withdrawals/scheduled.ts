import { createElement } from 'react';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import {
  freelancerProfiles,
  users,
  withdrawalScheduleRuns,
  withdrawalSchedules,
} from '@/db/schema';
import MoneyNoticeEmail from '@/emails/money-notice';
import { now } from '@/lib/clock';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import { accounts } from '@/lib/ledger/accounts';
import { balanceOf, freelancersWithAvailableUntouchedSince } from '@/lib/ledger/queries';
import { formatHoldEnd, methodTitle } from '@/lib/payouts/present';
import {
  findActivePayoutMethod,
  listActivePayoutMethods,
  type PayoutMethodRow,
} from '@/lib/payouts/queries';
import { findTaxProfile } from '@/lib/tax/queries';
import { largestAmountCents, termsOf } from './fees';
import { findPayeeStatus } from './payee-status';
import { isPayeeStopped, payeeStatusMessage } from './rules';
import { isPayoutDay, utcDay, type WithdrawalFrequency } from './schedule-days';
import { recordWithdrawal, WITHDRAWAL_CURRENCY } from './service';

/** The 180-day rule: available money nobody withdrew for this long is paid out anyway. */
export const DORMANT_DAYS = 180;
const DAY_MS = 86_400_000;
const FREQUENCIES: WithdrawalFrequency[] = ['weekly', 'twice_monthly', 'monthly'];

type Rule = 'schedule' | 'dormant';
type Candidate = {
  freelancerId: string;
  rule: Rule;
  thresholdCents: number;
  methodId: string | null;
};

/** The idempotency key of the automatic withdrawal of a freelancer's payout day. */
export const scheduledWithdrawalKey = (freelancerId: string, day: string) =>
  `schedule:${freelancerId}:${day}`;

/**
 * The tick step of automatic withdrawals (SPEC 4.E), after pending money became available.
 * On a Wednesday (UTC):
 * - every freelancer whose schedule is due today and whose available balance reaches their
 *   threshold gets one withdrawal of everything available less the method's fee, to the
 *   schedule's method;
 * - the 180-day rule: a freelancer without a schedule (or with it off) some of whose
 *   available money came in at least 180 days ago, with no withdrawal requested since, is
 *   paid out the same way to their default method. It runs on Wednesdays only, so its
 *   "skipped" email comes at most once a week.
 * The withdrawal goes through recordWithdrawal (no sign-in check: the schedule was
 * consented to, with a fresh sign-in, when it was set; the 180-day rule is in the terms)
 * but still needs tax information, a method past its hold and, for a method paid through
 * Stripe, a connected account whose payouts are enabled; otherwise the day is
 * recorded as skipped and one email says why. One `withdrawal_schedule_run` row per
 * freelancer and day makes the step idempotent: a second tick the same day does nothing.
 * The provider is not called here: the settlement job sends the payout a minute later.
 */
export async function runScheduledWithdrawals(
  db: Db,
  at: Date = now(),
  batchSize = 50,
): Promise<number> {
  if (at.getUTCDay() !== 3) return 0;
  const day = utcDay(at);
  let done = 0;
  for (const findBatch of [dueSchedules, dormantBalances]) {
    for (;;) {
      const handled = await db.transaction(async (tx) => {
        const batch = await findBatch(tx, at, day, batchSize);
        let count = 0;
        for (const candidate of batch) {
          if (await payOut(tx, candidate, day, at)) count += 1;
        }
        return { seen: batch.length, count };
      });
      done += handled.count;
      if (handled.seen < batchSize) break;
    }
  }
  return done;
}

const noRunToday = (freelancerId: unknown, day: string) =>
  sql`not exists (select 1 from ${withdrawalScheduleRuns} r where r.freelancer_id = ${freelancerId} and r.payout_day = ${day})`;

/** Schedules due today without a run yet; rows another worker holds are skipped. */
async function dueSchedules(tx: Tx, at: Date, day: string, limit: number): Promise<Candidate[]> {
  const due = FREQUENCIES.filter((f) => isPayoutDay(f, at));
  if (due.length === 0) return [];
  const rows = await tx
    .select()
    .from(withdrawalSchedules)
    .where(
      and(
        inArray(withdrawalSchedules.frequency, due),
        noRunToday(withdrawalSchedules.freelancerId, day),
      ),
    )
    .limit(limit)
    .for('update', { skipLocked: true });
  return rows.map((s) => ({
    freelancerId: s.freelancerId,
    rule: 'schedule',
    thresholdCents: s.thresholdCents,
    methodId: s.payoutMethodId,
  }));
}

/**
 * Freelancers under the 180-day rule: money came into their available account at least
 * 180 days ago, no withdrawal was posted since, no schedule of theirs is on, no run today.
 * The ledger's answer is filtered here (few freelancers leave money that long), then taken
 * in batches.
 */
async function dormantBalances(tx: Tx, at: Date, day: string, limit: number): Promise<Candidate[]> {
  const cutoff = new Date(at.getTime() - DORMANT_DAYS * DAY_MS);
  const ids = await freelancersWithAvailableUntouchedSince(tx, cutoff, 'withdrawal');
  if (ids.length === 0) return [];
  const excluded = new Set(
    [
      ...(await tx
        .select({ id: withdrawalSchedules.freelancerId })
        .from(withdrawalSchedules)
        .where(
          and(
            inArray(withdrawalSchedules.freelancerId, ids),
            ne(withdrawalSchedules.frequency, 'off'),
          ),
        )),
      ...(await tx
        .select({ id: withdrawalScheduleRuns.freelancerId })
        .from(withdrawalScheduleRuns)
        .where(
          and(
            inArray(withdrawalScheduleRuns.freelancerId, ids),
            eq(withdrawalScheduleRuns.payoutDay, day),
          ),
        )),
    ].map((r) => r.id),
  );
  return ids
    .filter((id) => !excluded.has(id))
    .slice(0, limit)
    .map((freelancerId) => ({ freelancerId, rule: 'dormant', thresholdCents: 1, methodId: null }));
}

type Decision =
  | { outcome: 'withdraw'; method: PayoutMethodRow; amountCents: number }
  | { outcome: 'below_threshold' }
  | { outcome: 'skipped'; reason: string };

async function decide(tx: Tx, c: Candidate, at: Date): Promise<Decision> {
  const method =
    c.rule === 'schedule' && c.methodId
      ? await findActivePayoutMethod(tx, c.freelancerId, c.methodId)
      : (await listActivePayoutMethods(tx, c.freelancerId)).find((m) => m.isDefault);
  const available = await balanceOf(tx, accounts.available(c.freelancerId), WITHDRAWAL_CURRENCY);
  if (available <= 0 || available < c.thresholdCents) return { outcome: 'below_threshold' };
  if (!method) {
    return {
      outcome: 'skipped',
      reason:
        c.rule === 'schedule'
          ? 'The payout method of your schedule was removed. Choose another one in your withdrawal schedule.'
          : 'You have no payout method. Add one in Settings → Payout methods.',
    };
  }
  const amountCents = largestAmountCents(method.kind, available);
  if (amountCents < Math.max(1, termsOf(method.kind).minimumCents)) {
    return { outcome: 'below_threshold' };
  }
  if (method.usableAfter > at) {
    return {
      outcome: 'skipped',
      reason: `${methodTitle(method)} is in its 3-day security hold until ${formatHoldEnd(method.usableAfter)}; the next payout day after that pays it.`,
    };
  }
  if (!(await findTaxProfile(tx, c.freelancerId))) {
    return {
      outcome: 'skipped',
      reason: 'We need your tax information first: add it in Settings → Tax information.',
    };
  }
  // Stripe would refuse the transfer: the money stays available, the day says why.
  const payee = await findPayeeStatus(tx, method.id);
  if (isPayeeStopped(payee)) {
    return { outcome: 'skipped', reason: payeeStatusMessage(method, payee)!.text };
  }
  return { outcome: 'withdraw', method, amountCents };
}

/**
 * One freelancer's payout day, in the batch's transaction. The run row goes in first: a
 * second worker's insert waits for this one to commit and then finds it (nothing done).
 * Returns whether a withdrawal was made.
 */
async function payOut(tx: Tx, c: Candidate, day: string, at: Date): Promise<boolean> {
  const [run] = await tx
    .insert(withdrawalScheduleRuns)
    .values({ freelancerId: c.freelancerId, payoutDay: day, rule: c.rule, outcome: 'skipped' })
    .onConflictDoNothing({
      target: [withdrawalScheduleRuns.freelancerId, withdrawalScheduleRuns.payoutDay],
    })
    .returning({ id: withdrawalScheduleRuns.id });
  if (!run) return false;
  const decision = await decide(tx, c, at);
  const record = (values: Partial<typeof withdrawalScheduleRuns.$inferInsert>) =>
    tx.update(withdrawalScheduleRuns).set(values).where(eq(withdrawalScheduleRuns.id, run.id));
  if (decision.outcome === 'below_threshold') {
    await record({ outcome: 'below_threshold' });
    return false;
  }
  if (decision.outcome === 'skipped') {
    await record({ outcome: 'skipped', reason: decision.reason });
    await sendSkippedNotice(tx, c, decision.reason);
    return false;
  }
  const result = await recordWithdrawal(
    tx,
    c.freelancerId,
    decision.method,
    {
      payoutMethodId: decision.method.id,
      amountCents: decision.amountCents,
      idempotencyKey: scheduledWithdrawalKey(c.freelancerId, day),
    },
    at,
  );
  if (!result.ok) {
    // Only a balance that moved under us gets here (the ledger's overdraft guard).
    await record({ outcome: 'skipped', reason: result.message });
    return false;
  }
  await record({ outcome: 'withdrawn', withdrawalId: result.withdrawal.id });
  return !result.replayed;
}

async function sendSkippedNotice(tx: Tx, c: Candidate, reason: string) {
  const [who] = await tx
    .select({ email: users.email, firstName: freelancerProfiles.firstName })
    .from(users)
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
    .where(eq(users.id, c.freelancerId));
  if (!who) return;
  const heading =
    c.rule === 'schedule'
      ? 'Your scheduled withdrawal did not go out'
      : 'We could not pay out your long-unused balance';
  await sendEmail(tx, {
    to: who.email,
    subject: heading,
    template: 'scheduled-withdrawal-skipped',
    element: createElement(MoneyNoticeEmail, {
      firstName: who.firstName ?? '',
      heading,
      paragraphs: [
        c.rule === 'schedule'
          ? 'Today is a payout day of your withdrawal schedule and your available balance reached your threshold, but nothing was sent.'
          : `Part of your available balance has not been withdrawn for ${DORMANT_DAYS} days, so we tried to pay it out to your default payout method.`,
        reason,
        'Your money stays in your available balance; you can withdraw it yourself at any time.',
      ],
      actionLabel: 'Open withdrawals',
      url: new URL('/earnings/withdraw', getEnv().APP_URL).toString(),
    }),
  });
}
