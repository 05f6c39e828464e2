import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { paymentCharges } from '@/db/schema';
import type { PaymentProvider } from '@/lib/payments/provider';

export type RefundRequest = {
  /** Our payment_charge row. */
  chargeId: string;
  amountCents: number;
  /** One refund per key: the provider answers a repeated key with the first refund. */
  idempotencyKey: string;
};

export type RefundResult =
  | { ok: true; ref: string }
  | { ok: false; reason: 'unknown-charge' | 'not-settled' | 'too-much'; message: string };

/**
 * Gives a settled charge (part of) its money back at the provider, once per idempotency
 * key: called again with the same key (after a timeout, or by a retry) it answers the
 * refund already made and refunds nothing more. Runs outside the caller's transaction, as
 * the provider does; the ledger refund is the caller's.
 */
export async function refundCharge(
  db: DbOrTx,
  provider: PaymentProvider,
  input: RefundRequest,
): Promise<RefundResult> {
  const [charge] = await db
    .select()
    .from(paymentCharges)
    .where(eq(paymentCharges.id, input.chargeId));
  if (!charge) {
    return { ok: false, reason: 'unknown-charge', message: 'There is no such charge to refund.' };
  }
  if (charge.status !== 'succeeded' || !charge.providerRef || charge.provider !== provider.name) {
    return {
      ok: false,
      reason: 'not-settled',
      message: 'Only a charge that went through can be refunded.',
    };
  }
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    throw new Error('A refund is a positive, whole number of cents.');
  }
  if (input.amountCents > charge.amountCents) {
    return {
      ok: false,
      reason: 'too-much',
      message: 'A refund cannot be larger than the charge.',
    };
  }
  const refund = await provider.refund({
    chargeRef: charge.providerRef,
    amountCents: input.amountCents,
    idempotencyKey: input.idempotencyKey,
  });
  return { ok: true, ref: refund.ref };
}
