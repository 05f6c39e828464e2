import type { Db } from '@/db/client';
import type { PaymentProvider } from '@/lib/payments/provider';
import { findCharge } from './queries';

export type RefundRequest = {
  chargeId: string;
  amountCents: number;
  /** One refund per key: a call repeated after a timeout gets the first refund's ref. */
  idempotencyKey: string;
};

export type RefundResult =
  { ok: true; ref: string } | { ok: false; reason: 'not-refundable'; message: string };

/**
 * Gives part or all of a settled charge back to the client's card at the provider. Call it
 * after the ledger's refund has committed (the provider is an outside system: it never
 * joins our transaction); the same key never refunds twice there, so a retry is safe. A
 * provider error throws: the caller tries again later with the same key.
 */
export async function refundCharge(
  db: Db,
  provider: PaymentProvider,
  request: RefundRequest,
): Promise<RefundResult> {
  const charge = await findCharge(db, request.chargeId);
  const refundable =
    charge !== null &&
    charge.status === 'succeeded' &&
    charge.providerRef !== null &&
    charge.provider === provider.name &&
    Number.isSafeInteger(request.amountCents) &&
    request.amountCents > 0 &&
    request.amountCents <= charge.amountCents;
  if (!refundable) {
    return {
      ok: false,
      reason: 'not-refundable',
      message: 'Only a settled charge can be refunded, up to its amount.',
    };
  }
  const refund = await provider.refund({
    chargeRef: charge.providerRef!,
    amountCents: request.amountCents,
    idempotencyKey: request.idempotencyKey,
  });
  return { ok: true, ref: refund.ref };
}
