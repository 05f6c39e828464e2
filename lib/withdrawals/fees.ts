import type { PayoutDestination } from '@/lib/payments/payouts';

export type PayoutKind = PayoutDestination['kind'];

export type MethodTerms = {
  /** Taken from the available balance beside the amount; the method receives the amount. */
  feeCents: number;
  /** The smallest amount one withdrawal may send to this kind of method. */
  minimumCents: number;
};

/**
 * The one configuration of withdrawal fees and minimums (SPEC 4.E). Every page, email and
 * rule reads it from here; the fee is stored on the withdrawal when it is requested.
 */
export const WITHDRAWAL_TERMS: Record<PayoutKind, MethodTerms> = {
  us_bank: { feeCents: 0, minimumCents: 1 },
  iban: { feeCents: 99, minimumCents: 500 },
  paypal: { feeCents: 200, minimumCents: 1 },
  payoneer: { feeCents: 200, minimumCents: 1 },
};

export function termsOf(kind: PayoutKind): MethodTerms {
  return WITHDRAWAL_TERMS[kind];
}

/** What leaves the available balance for a withdrawal of `amountCents` to this kind. */
export function totalTakenCents(kind: PayoutKind, amountCents: number): number {
  return amountCents + termsOf(kind).feeCents;
}

/** The largest amount the balance allows to this kind of method (0 when the fee eats it). */
export function largestAmountCents(kind: PayoutKind, availableCents: number): number {
  return Math.max(0, availableCents - termsOf(kind).feeCents);
}
