import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { paymentCharges, paymentRefunds } from '@/db/schema';
import { formatMoney } from '@/lib/money/money';
import type { PaymentProvider } from '@/lib/payments/provider';
import type { ChargeRow } from './queries';

export type RefundRequest = {
  chargeId: string;
  amountCents: number;
  /** One refund per key: a call repeated after a timeout gets the first refund's ref. */
  idempotencyKey: string;
};

export type RefundResult =
  | { ok: true; ref: string }
  | { ok: false; reason: 'not-refundable' | 'over-refund' | 'key-reused'; message: string };

const NOT_REFUNDABLE = {
  ok: false,
  reason: 'not-refundable',
  message: 'Only a settled charge can be refunded, by a positive amount.',
} as const;

/**
 * Gives part or all of a settled charge back to the client's card at the provider. Call it
 * after the ledger's refund has committed (the provider is an outside system: it never
 * joins our transaction). The refund is first written down (payment_refund) under the
 * charge's row lock, so the refunds of one charge never add up to more than it, even when
 * two are asked at once; the same key is the same refund here and at the provider, so a
 * retry is safe. A provider error throws: the caller tries again later with the same key
 * (the amount stays set aside for it meanwhile).
 */
export async function refundCharge(
  db: Db,
  provider: PaymentProvider,
  request: RefundRequest,
): Promise<RefundResult> {
  const isAmount = Number.isSafeInteger(request.amountCents) && request.amountCents > 0;
  if (!isAmount) return NOT_REFUNDABLE;
  const reserved = await db.transaction((tx) => reserveRefund(tx, provider, request));
  if (!reserved.ok) return reserved;
  const refund = await provider.refund({
    chargeRef: reserved.charge.providerRef!,
    amountCents: request.amountCents,
    idempotencyKey: request.idempotencyKey,
  });
  await db
    .update(paymentRefunds)
    .set({ providerRef: refund.ref })
    .where(eq(paymentRefunds.idempotencyKey, request.idempotencyKey));
  return { ok: true, ref: refund.ref };
}

async function reserveRefund(
  tx: Tx,
  provider: PaymentProvider,
  request: RefundRequest,
): Promise<{ ok: true; charge: ChargeRow } | Exclude<RefundResult, { ok: true }>> {
  const [charge] = await tx
    .select()
    .from(paymentCharges)
    .where(eq(paymentCharges.id, request.chargeId))
    .for('update');
  const isSettled =
    charge !== undefined &&
    charge.status === 'succeeded' &&
    charge.providerRef !== null &&
    charge.provider === provider.name;
  if (!isSettled) return NOT_REFUNDABLE;
  const [asked] = await tx
    .select()
    .from(paymentRefunds)
    .where(eq(paymentRefunds.idempotencyKey, request.idempotencyKey));
  if (asked) {
    // The same refund asked again (a retry after a timeout): sent again under its key.
    const isSame = asked.chargeId === charge.id && asked.amountCents === request.amountCents;
    if (isSame) return { ok: true, charge };
    return {
      ok: false,
      reason: 'key-reused',
      message: 'This refund key was already used for another refund.',
    };
  }
  const [{ earlier }] = await tx
    .select({ earlier: sql<number>`coalesce(sum(${paymentRefunds.amountCents}), 0)::int` })
    .from(paymentRefunds)
    .where(eq(paymentRefunds.chargeId, charge.id));
  const remaining = charge.amountCents - earlier;
  if (request.amountCents > remaining) {
    return {
      ok: false,
      reason: 'over-refund',
      message: `This charge has ${formatMoney(remaining, charge.currency)} left to refund (of ${formatMoney(charge.amountCents, charge.currency)}; the rest was refunded before).`,
    };
  }
  await tx.insert(paymentRefunds).values({
    chargeId: charge.id,
    idempotencyKey: request.idempotencyKey,
    amountCents: request.amountCents,
  });
  return { ok: true, charge };
}
