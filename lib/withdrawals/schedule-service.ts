import { createElement } from 'react';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { freelancerProfiles, withdrawalSchedules } from '@/db/schema';
import MoneyNoticeEmail from '@/emails/money-notice';
import { isRecentSignIn, recentSignInMessage, type Actor } from '@/lib/accounts/recent-sign-in';
import { recordAudit } from '@/lib/audit/log';
import { now } from '@/lib/clock';
import { formatLongDate } from '@/lib/dates/format';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import { formatMoney } from '@/lib/money/money';
import { formatHoldEnd, methodTitle } from '@/lib/payouts/present';
import { findActivePayoutMethod } from '@/lib/payouts/queries';
import { termsOf } from './fees';
import { FREQUENCY_LABELS, nextPayoutDay, type WithdrawalFrequency } from './schedule-days';
import type { WithdrawalScheduleForm } from './schedule-schemas';
import { METHOD_NOT_FOUND } from './service';

export type ScheduleResult =
  | { ok: true; notice: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export const SCHEDULE_CHANGED_SUBJECT = 'Your withdrawal schedule changed';

export type WithdrawalSchedule = {
  frequency: WithdrawalFrequency;
  thresholdCents: number | null;
  payoutMethodId: string | null;
};

/** The freelancer's schedule (off when none was ever set). */
export async function findWithdrawalSchedule(
  db: Db,
  freelancerId: string,
): Promise<WithdrawalSchedule> {
  const [row] = await db
    .select()
    .from(withdrawalSchedules)
    .where(eq(withdrawalSchedules.freelancerId, freelancerId));
  return row ?? { frequency: 'off', thresholdCents: null, payoutMethodId: null };
}

/**
 * Sets a freelancer's automatic withdrawals. The method must be their own and active
 * (anyone else's id is "not found"); the threshold at least that method's minimum; a
 * method in its 3-day hold may be chosen (payouts wait for it). Like a withdrawal, it
 * wants a sign-in from the last 30 minutes: the schedule is the consent the automatic
 * withdrawals run on. The schedule, its audit entry and the notice email are one
 * transaction. Turning it off keeps the last threshold and method for next time.
 */
export async function setWithdrawalSchedule(
  db: Db,
  actor: Actor,
  form: WithdrawalScheduleForm,
): Promise<ScheduleResult> {
  const at = now();
  let description = FREQUENCY_LABELS.off;
  let holdNote = '';
  if (form.frequency !== 'off') {
    const method = await findActivePayoutMethod(db, actor.userId, form.payoutMethodId);
    if (!method) {
      return {
        ok: false,
        message: 'Check the payout method.',
        fieldErrors: { payoutMethodId: [METHOD_NOT_FOUND] },
      };
    }
    const minimum = termsOf(method.kind).minimumCents;
    if (form.thresholdCents < minimum) {
      return {
        ok: false,
        message: 'Check the threshold.',
        fieldErrors: {
          threshold: [
            `The threshold must be at least ${formatMoney(minimum)}, the smallest withdrawal to ${methodTitle(method)}.`,
          ],
        },
      };
    }
    if (method.usableAfter > at) {
      holdNote = ` ${methodTitle(method)} is in its 3-day security hold: payouts to it wait until ${formatHoldEnd(method.usableAfter)}.`;
    }
    const next = nextPayoutDay(form.frequency, method.usableAfter > at ? method.usableAfter : at);
    description = `${FREQUENCY_LABELS[form.frequency]}, when your available balance is at least ${formatMoney(form.thresholdCents)}, to ${methodTitle(method)}. The next payout day is ${formatLongDate(next!)}.`;
  }
  if (!isRecentSignIn(actor.signedInAt, at)) {
    return { ok: false, message: recentSignInMessage('changing your withdrawal schedule') };
  }
  await db.transaction(async (tx) => {
    const values =
      form.frequency === 'off'
        ? { frequency: form.frequency, updatedAt: at }
        : {
            frequency: form.frequency,
            thresholdCents: form.thresholdCents,
            payoutMethodId: form.payoutMethodId,
            updatedAt: at,
          };
    await tx
      .insert(withdrawalSchedules)
      .values({ freelancerId: actor.userId, thresholdCents: 100, ...values })
      .onConflictDoUpdate({ target: withdrawalSchedules.freelancerId, set: values });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'withdrawal.schedule_changed',
      targetType: 'withdrawal_schedule',
      targetId: actor.userId,
      detail: description,
      ip: actor.ip ?? null,
    });
    const [profile] = await tx
      .select({ firstName: freelancerProfiles.firstName })
      .from(freelancerProfiles)
      .where(eq(freelancerProfiles.userId, actor.userId));
    await sendEmail(tx, {
      to: actor.email,
      subject: SCHEDULE_CHANGED_SUBJECT,
      template: 'withdrawal-schedule-changed',
      element: createElement(MoneyNoticeEmail, {
        firstName: profile?.firstName ?? '',
        heading: SCHEDULE_CHANGED_SUBJECT,
        paragraphs: [
          `Your automatic withdrawals are now: ${description}${holdNote}`,
          'If you did not make this change, sign in, turn the schedule off and write to support: someone may have your sign-in link.',
        ],
        actionLabel: 'Review your schedule',
        url: new URL('/earnings/schedule', getEnv().APP_URL).toString(),
      }),
    });
  });
  return { ok: true, notice: `Schedule saved. ${description}${holdNote}` };
}
