import { z } from 'zod';
import { now } from '@/lib/clock';
import { digitsOf, passesLuhn } from '@/lib/payments/cards';

/** The card fields of the simulated path; the number is never echoed back (see the action). */
export const simulatedCardSchema = z.object({
  cardNumber: z
    .string({ error: 'Enter the card number.' })
    .transform((raw) => digitsOf(raw.trim()))
    .refine((digits) => digits.length > 0, 'Enter the card number.')
    .refine(
      (digits) => digits.length === 0 || passesLuhn(digits),
      'This card number is not valid. Check the digits.',
    ),
  expiry: z
    .string({ error: 'Enter the expiry date as MM/YY.' })
    .trim()
    .transform((raw, ctx) => {
      const match = /^(0?[1-9]|1[0-2])\s*\/\s*([0-9]{2})$/.exec(raw);
      if (!match) {
        ctx.addIssue({ code: 'custom', message: 'Enter the expiry date as MM/YY, like 04/29.' });
        return z.NEVER;
      }
      const expMonth = Number(match[1]);
      const expYear = 2000 + Number(match[2]);
      const today = now();
      const thisMonth = today.getUTCFullYear() * 12 + today.getUTCMonth();
      if (expYear * 12 + (expMonth - 1) < thisMonth) {
        ctx.addIssue({ code: 'custom', message: 'This card has expired.' });
        return z.NEVER;
      }
      return { expMonth, expYear };
    }),
});
export type SimulatedCardInput = z.infer<typeof simulatedCardSchema>;

/** The Stripe path: Stripe.js confirmed a SetupIntent in the browser and posts its id. */
export const stripeSetupSchema = z.object({
  setupIntentId: z
    .string({ error: 'Enter your card details, then save.' })
    .regex(/^seti_[A-Za-z0-9]{1,200}$/, 'Enter your card details, then save.'),
});

/** The row buttons send only the method's id; the service checks it is the caller's own. */
export const billingMethodIdSchema = z.object({ methodId: z.string().catch('') });
