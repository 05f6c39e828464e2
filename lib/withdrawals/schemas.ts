import { z } from 'zod';
import { parseDollarsToCents } from '@/lib/money/money';

/** No single withdrawal above $1,000,000 (a typo guard; the balance is the real limit). */
export const MAX_WITHDRAWAL_CENTS = 100_000_000;

/**
 * The withdrawal form. The amount is dollars and cents ("120", "120.50"): a negative
 * amount, a fraction of a cent or zero is refused here. The method id is checked against
 * the session in the service; the key is made when the form is drawn.
 */
export const withdrawalSchema = z.object({
  payoutMethodId: z
    .string({ error: 'Choose a payout method.' })
    .trim()
    .min(1, 'Choose a payout method.'),
  amount: z.string({ error: 'Enter an amount.' }).transform((raw, ctx) => {
    const cents = parseDollarsToCents(raw);
    if (cents === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'Enter the amount in dollars and cents, like 120 or 49.99.',
      });
      return z.NEVER;
    }
    if (cents <= 0 || cents > MAX_WITHDRAWAL_CENTS) {
      ctx.addIssue({ code: 'custom', message: 'Enter an amount from $0.01 to $1,000,000.' });
      return z.NEVER;
    }
    return cents;
  }),
  idempotencyKey: z.uuid({ message: 'This form has expired. Reload the page and try again.' }),
});
export type WithdrawalForm = z.infer<typeof withdrawalSchema>;
