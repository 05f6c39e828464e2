import { z } from 'zod';
import { parseDollarsToCents } from '@/lib/money/money';

const id = z.uuid('Unknown id.');

export const approveInvoiceSchema = z.object({ contractId: id, invoiceId: id });

/** Checkboxes are named entryIds.0, entryIds.1 …: unchecked ones leave holes, dropped here. */
const entryIds = z.preprocess(
  (value) => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : value),
  z
    .array(z.uuid('Unknown entry.'))
    .min(1, 'Choose at least one entry to dispute.')
    .max(500, 'Choose at most 500 entries.'),
);

export const REASON_MAX = 2000;

const reasonText = (missing: string) =>
  z.string().trim().min(1, missing).max(REASON_MAX, `Keep it under ${REASON_MAX} characters.`);

export const openDisputeSchema = z.object({
  contractId: id,
  invoiceId: id,
  entryIds,
  reason: reasonText('Say why you dispute these entries.'),
});

/** Dollars as typed ("12.50"), to whole cents; empty is absent. */
const optionalDollars = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === '') return undefined;
    const cents = parseDollarsToCents(value);
    if (cents === null || cents <= 0) {
      ctx.addIssue({ code: 'custom', message: 'Enter an amount in dollars, such as 12.50.' });
      return z.NEVER;
    }
    return cents;
  });

export const answerDisputeSchema = z
  .object({
    disputeId: id,
    answer: z.enum(['refund_all', 'refund_part', 'reject'], 'Choose an answer.'),
    amount: optionalDollars,
    reason: z.string().trim().max(REASON_MAX, `Keep it under ${REASON_MAX} characters.`).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.answer === 'refund_part' && value.amount === undefined) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Enter the amount to refund.' });
    }
    if (value.answer === 'reject' && !value.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why you reject it.' });
    }
  });

export const decideDisputeSchema = z
  .object({
    disputeId: id,
    decision: z.enum(['refund_all', 'refund_part', 'pay'], 'Choose a decision.'),
    amount: optionalDollars,
    note: reasonText('Write a note both sides will read.'),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'refund_part' && value.amount === undefined) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Enter the amount to refund.' });
    }
  });

type WithOptionalAmount<T> = Omit<T, 'amount'> & { amount?: number };
export type AnswerDisputeInput = WithOptionalAmount<z.output<typeof answerDisputeSchema>>;
export type DecideDisputeInput = WithOptionalAmount<z.output<typeof decideDisputeSchema>>;

/** "Pay now" on a failed invoice: `attempt` is the failed attempt the page showed. */
export const payNowSchema = z.object({
  invoiceId: id,
  attempt: z.coerce
    .number({ error: 'Reload the invoice and press Pay now again.' })
    .int('Reload the invoice and press Pay now again.')
    .min(1, 'Reload the invoice and press Pay now again.')
    .max(1000, 'Reload the invoice and press Pay now again.'),
});
