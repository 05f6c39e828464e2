'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { withdrawalScheduleSchema } from '@/lib/withdrawals/schedule-schemas';
import { setWithdrawalSchedule } from '@/lib/withdrawals/schedule-service';

/**
 * Saves the freelancer's automatic withdrawals. The method is checked against the session
 * in the service (anyone else's id is "not found"), as are its minimum and the 30-minute
 * sign-in rule.
 */
export const saveWithdrawalScheduleAction = defineAction({
  actor: 'freelancer',
  schema: withdrawalScheduleSchema,
  async handler(form, { db, actor }) {
    const result = await setWithdrawalSchedule(db, actor, form);
    if (!result.ok) return result;
    redirect('/earnings/schedule?notice=saved');
  },
});
