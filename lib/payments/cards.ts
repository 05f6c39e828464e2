/**
 * Card numbers as the simulated processor reads them. Its test numbers behave like Stripe's
 * test cards where Stripe has one (4000 0000 0000 0002 is declined).
 */
export type TestCardBehaviour =
  | { kind: 'approve' }
  | { kind: 'decline-on-save'; message: string }
  | { kind: 'decline-on-charge' }
  | { kind: 'settle-late' };

export const DECLINED_MESSAGE = 'Your card was declined. Try another card.';

const BEHAVIOURS: Record<string, TestCardBehaviour> = {
  '4000000000000002': { kind: 'decline-on-save', message: DECLINED_MESSAGE },
  '4000000000009995': {
    kind: 'decline-on-save',
    message: 'Your card has insufficient funds. Try another card.',
  },
  /** Saved, then every charge is declined (Stripe's 4000 0000 0000 0341). */
  '4000000000000341': { kind: 'decline-on-charge' },
  /** Our own: a charge stays processing for ten minutes, as a slow bank's would. */
  '4000000000001000': { kind: 'settle-late' },
};

/** How long a charge of each card stays processing, and how it ends. */
export const CHARGE_OUTCOMES = {
  approve: { settleAfterMs: 0, failureReason: null },
  'decline-on-charge': { settleAfterMs: 0, failureReason: DECLINED_MESSAGE },
  'settle-late': { settleAfterMs: 10 * 60_000, failureReason: null },
} as const;
export type ChargeBehaviour = keyof typeof CHARGE_OUTCOMES;

export function behaviourOf(digits: string): TestCardBehaviour {
  return BEHAVIOURS[digits] ?? { kind: 'approve' };
}

export function digitsOf(number: string): string {
  return number.replace(/[\s-]/g, '');
}

export function passesLuhn(digits: string): boolean {
  if (!/^[0-9]{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The brand from the number's first digits (the networks' published ranges). */
export function brandOf(digits: string): string {
  if (/^4/.test(digits)) return 'visa';
  if (/^(5[1-5]|2(2[2-9]|[3-6][0-9]|7[01]|720))/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  if (/^(6011|65|64[4-9])/.test(digits)) return 'discover';
  return 'unknown';
}

export const BRAND_LABELS: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
};

export function brandLabel(brand: string): string {
  return BRAND_LABELS[brand] ?? 'Card';
}
