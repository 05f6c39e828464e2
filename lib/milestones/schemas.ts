import { z } from 'zod';
import { parseDollarsToCents } from '@/lib/money/money';

/** SPEC 4.D: a milestone is funded with at least $5; the top matches an offer's milestone. */
export const MIN_FUNDING_CENTS = 500;
export const MAX_FUNDING_CENTS = 100_000_000;
/** A bonus: any amount from $1, up to the largest milestone an offer may have. */
export const MIN_BONUS_CENTS = 100;
export const MAX_BONUS_CENTS = 100_000_000;

const uuid = (message: string) => z.string({ error: message }).trim().pipe(z.uuid({ message }));

const dollars = (min: number, max: number, what: string) =>
  z.string({ error: `Enter the ${what} in dollars.` }).transform((raw, ctx) => {
    const cents = parseDollarsToCents(raw);
    if (cents === null) {
      ctx.addIssue({ code: 'custom', message: `Enter the ${what} in dollars, like 500 or 49.99.` });
      return z.NEVER;
    }
    if (cents < min) {
      ctx.addIssue({ code: 'custom', message: `The ${what} is at least $${min / 100}.` });
      return z.NEVER;
    }
    if (cents > max) {
      ctx.addIssue({
        code: 'custom',
        message: `The ${what} is at most $${(max / 100).toLocaleString('en-US')}.`,
      });
      return z.NEVER;
    }
    return cents;
  });

/** The client's "Fund this milestone" form; the ids are checked against the session. */
export const fundMilestoneSchema = z.object({
  contractId: uuid('This milestone was not found.'),
  milestoneId: uuid('This milestone was not found.'),
  amount: dollars(MIN_FUNDING_CENTS, MAX_FUNDING_CENTS, 'amount'),
});
export type FundMilestoneInput = z.infer<typeof fundMilestoneSchema>;

/** The bonus form (step one, sent by GET to the confirmation step). */
export const bonusDraftSchema = z.object({
  amount: dollars(MIN_BONUS_CENTS, MAX_BONUS_CENTS, 'bonus'),
  message: z.string().trim().max(2000, 'Keep the message under 2,000 characters.').default(''),
});

/**
 * The confirmed bonus. `requestId` is made by the confirmation page: a second post of the
 * same confirmation (a double click, a resend) pays nothing more.
 */
export const payBonusSchema = bonusDraftSchema.extend({
  contractId: uuid('This contract was not found.'),
  requestId: uuid('This confirmation has expired. Enter the bonus again.'),
});
export type PayBonusInput = z.infer<typeof payBonusSchema>;
