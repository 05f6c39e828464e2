import { z } from 'zod';
import { emailSchema } from '@/lib/accounts/schemas';
import {
  stripSeparators,
  validateBic,
  validateIban,
  validateRoutingNumber,
  validateUsAccountNumber,
  type Validated,
} from './validation';

export const payoutMethodKinds = ['us_bank', 'iban', 'paypal', 'payoneer'] as const;
export type PayoutMethodKind = (typeof payoutMethodKinds)[number];

export const bankAccountTypes = ['checking', 'savings'] as const;

/** A text field from FormData: missing and blank both get the same "enter it" message. */
const requiredText = (message: string) => z.string({ error: message }).trim().min(1, message);

/** Runs one validator and reports its single message; the output is its normalised value. */
const validatedText = (
  emptyMessage: string,
  validate: (value: string) => Validated<string>,
  normalise: (value: string) => string = (v) => v,
) =>
  z.string({ error: emptyMessage }).transform((raw, ctx) => {
    const result = validate(normalise(raw.trim()));
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });

const holderName = requiredText('Enter the name on the account, as your bank shows it.').max(
  100,
  'Keep the account holder name to 100 characters or fewer.',
);

export const usBankAccountSchema = z.object({
  kind: z.literal('us_bank'),
  holderName,
  routingNumber: validatedText(
    'Enter the 9-digit routing number.',
    validateRoutingNumber,
    stripSeparators,
  ),
  accountNumber: validatedText(
    'Enter the account number.',
    validateUsAccountNumber,
    stripSeparators,
  ),
  accountType: z.enum(bankAccountTypes, { error: 'Choose checking or savings.' }),
});

export const ibanAccountSchema = z.object({
  kind: z.literal('iban'),
  holderName,
  iban: validatedText('Enter the IBAN.', validateIban),
  bic: validatedText('Enter the BIC (also called SWIFT code).', validateBic),
});

export const paypalSchema = z.object({ kind: z.literal('paypal'), email: emailSchema });
export const payoneerSchema = z.object({ kind: z.literal('payoneer'), email: emailSchema });

/** Adding a payout method; parse `Object.fromEntries(formData)` with it. */
export const addPayoutMethodSchema = z.discriminatedUnion(
  'kind',
  [usBankAccountSchema, ibanAccountSchema, paypalSchema, payoneerSchema],
  {
    error:
      'Choose how you want to be paid: US bank account, international bank account (IBAN), PayPal or Payoneer.',
  },
);

export type AddPayoutMethodInput = z.infer<typeof addPayoutMethodSchema>;
