import { z } from 'zod';
import { parseDollarsToCents } from '@/lib/money/money';
import { MAX_WITHDRAWAL_CENTS } from './schemas';

/**
 * The schedule form: a frequency, a threshold in dollars and a payout method. With the
 * schedule off the other two are not needed. The method's minimum and ownership are the
 * service's to check (it knows the method).
 */
export const withdrawalScheduleSchema = z
  .object({
    frequency: z.enum(['off', 'weekly', 'twice_monthly', 'monthly'], {
      error: 'Choose how often to be paid.',
    }),
    threshold: z.string().trim().optional().default(''),
    payoutMethodId: z.string().trim().optional().default(''),
  })
  .transform((form, ctx) => {
    if (form.frequency === 'off') {
      return { frequency: form.frequency, thresholdCents: null, payoutMethodId: null };
    }
    const cents = parseDollarsToCents(form.threshold);
    if (cents === null || cents <= 0 || cents > MAX_WITHDRAWAL_CENTS) {
      ctx.addIssue({
        code: 'custom',
        path: ['threshold'],
        message: 'Enter a threshold from $0.01 to $1,000,000, like 100 or 49.99.',
      });
    }
    if (!form.payoutMethodId) {
      ctx.addIssue({
        code: 'custom',
        path: ['payoutMethodId'],
        message: 'Choose a payout method.',
      });
    }
    if (cents === null || cents <= 0 || cents > MAX_WITHDRAWAL_CENTS || !form.payoutMethodId) {
      return z.NEVER;
    }
    return {
      frequency: form.frequency,
      thresholdCents: cents,
      payoutMethodId: form.payoutMethodId,
    };
  });
export type WithdrawalScheduleForm = z.infer<typeof withdrawalScheduleSchema>;
