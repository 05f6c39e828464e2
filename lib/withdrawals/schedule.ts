import { createElement } from 'react';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { freelancerProfiles, users, withdrawalSchedules } from '@/db/schema';
import WithdrawalScheduleChangedEmail, {
  withdrawalScheduleChangedSubject,
} from '@/emails/withdrawal-schedule-changed';
import { isRecentSignIn, recentSignInMessage, type Actor } from '@/lib/accounts/recent-sign-in';
import { recordAudit } from '@/lib/audit/log';
import { now } from '@/lib/clock';
import { formatLongDate } from '@/lib/dates/format';
import { sendEmail } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import { formatMoney } from '@/lib/money/money';
import { formatHoldEnd, methodTitle } from '@/lib/payouts/present';
import { findActivePayoutMethod, type PayoutMethodRow } from '@/lib/payouts/queries';
import { termsOf } from './fees';
import { nextPayoutDay, type ScheduleFrequency } from './schedule-days';
import { METHOD_NOT_FOUND, WITHDRAWAL_CURRENCY } from './service';

export type ScheduleRow = typeof withdrawalSchedules.$inferSelect;

export type ScheduleInput = {
  frequency: ScheduleFrequency;
  thresholdCents: number;
  /** Required unless the schedule is off. */
  payoutMethodId: string | null;
};

/** Which form field a refusal belongs next to (`form` for the whole form). */
export type ScheduleField = 'frequency' | 'thresholdCents' | 'payoutMethodId' | 'form';

export type ScheduleResult =
  | { ok: true; schedule: ScheduleRow; holdNote: string | null }
  | { ok: false; field: ScheduleField; message: string };

const FREQUENCY_WORDS: Record<ScheduleFrequency, string> = {
  off: 'Off: no automatic withdrawals',
  weekly: 'Every Wednesday',
  twice_monthly: 'The 1st and 3rd Wednesday of each month',
  monthly: 'The last Wednesday of each month',
};

export function findSchedule(db: DbOrTx, freelancerId: string): Promise<ScheduleRow | undefined> {
  return db
    .select()
    .from(withdrawalSchedules)
    .where(eq(withdrawalSchedules.freelancerId, freelancerId))
    .then((rows) => rows[0]);
}

/** "Every Wednesday, when at least $100.00 is available, to PayPal (a•••@example.com)". */
export function describeSchedule(
  frequency: ScheduleFrequency,
  thresholdCents: number,
  method: PayoutMethodRow | undefined,
): string {
  if (frequency === 'off' || !method) return FREQUENCY_WORDS.off;
  return `${FREQUENCY_WORDS[frequency]}, when at least ${formatMoney(thresholdCents)} is available, to ${methodTitle(method)}`;
}

/**
 * Sets the freelancer's automatic withdrawal schedule. Like a withdrawal, it needs a sign-in
 * from the last 30 minutes: the schedule is the consent the tick's automatic withdrawals
 * rely on. The method must be one of the freelancer's own active ones (anything else is "not
 * found"); one still in its hold may be chosen, and the answer says when payouts can start.
 * The change, its notice email and its audit entry are one transaction.
 */
export async function saveWithdrawalSchedule(
  db: Db,
  actor: Actor,
  input: ScheduleInput,
): Promise<ScheduleResult> {
  const at = now();
  if (!isRecentSignIn(actor.signedInAt, at)) {
    return { ok: false, field: 'form', message: recentSignInMessage('changing your schedule') };
  }
  if (!Number.isSafeInteger(input.thresholdCents) || input.thresholdCents <= 0) {
    return { ok: false, field: 'thresholdCents', message: 'Enter a threshold above $0.00.' };
  }
  const method = input.payoutMethodId
    ? await findActivePayoutMethod(db, actor.userId, input.payoutMethodId)
    : undefined;
  if (input.frequency !== 'off' || input.payoutMethodId) {
    if (!method) return { ok: false, field: 'payoutMethodId', message: METHOD_NOT_FOUND };
    const minimum = termsOf(method.kind).minimumCents;
    if (input.thresholdCents < minimum) {
      return {
        ok: false,
        field: 'thresholdCents',
        message: `The threshold must be at least ${formatMoney(minimum)}, the smallest withdrawal to ${methodTitle(method)}.`,
      };
    }
  }
  const holdNote =
    method && input.frequency !== 'off' && method.usableAfter > at
      ? `${methodTitle(method)} is in its 3-day security hold: scheduled payouts to it wait until ${formatHoldEnd(method.usableAfter)}.`
      : null;
  const schedule = await db.transaction(async (tx) => {
    const values = {
      frequency: input.frequency,
      thresholdCents: input.thresholdCents,
      currency: WITHDRAWAL_CURRENCY,
      payoutMethodId: method?.id ?? null,
      updatedAt: at,
    };
    const [row] = await tx
      .insert(withdrawalSchedules)
      .values({ freelancerId: actor.userId, ...values })
      .onConflictDoUpdate({ target: withdrawalSchedules.freelancerId, set: values })
      .returning();
    const description = describeSchedule(input.frequency, input.thresholdCents, method);
    await notifyScheduleChanged(tx, actor.userId, input.frequency, description, at);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'withdrawal.schedule_changed',
      targetType: 'withdrawal_schedule',
      targetId: actor.userId,
      detail: description,
    });
    return row;
  });
  return { ok: true, schedule, holdNote };
}

async function notifyScheduleChanged(
  tx: DbOrTx,
  freelancerId: string,
  frequency: ScheduleFrequency,
  schedule: string,
  at: Date,
) {
  const [who] = await tx
    .select({ email: users.email, firstName: freelancerProfiles.firstName })
    .from(users)
    .leftJoin(freelancerProfiles, eq(freelancerProfiles.userId, users.id))
    .where(eq(users.id, freelancerId));
  const next = nextPayoutDay(frequency, at);
  await sendEmail(tx, {
    to: who.email,
    subject: withdrawalScheduleChangedSubject,
    template: 'withdrawal-schedule-changed',
    element: createElement(WithdrawalScheduleChangedEmail, {
      firstName: who.firstName ?? 'there',
      schedule,
      nextPayout: next ? formatLongDate(next) : '',
      scheduleUrl: new URL('/earnings/schedule', getEnv().APP_URL).toString(),
    }),
  });
}
