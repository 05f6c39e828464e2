/**
 * What the app asks of a payout provider (money out to a freelancer's method). Generic like
 * provider.ts: it knows destinations and payouts, never withdrawals. Implementations: the
 * simulated provider (simulated-payouts.ts, the default); Stripe Connect is not written yet.
 */
export type PayoutProviderName = 'simulated';

export type PayoutStatus = 'processing' | 'paid' | 'failed';

export type PayoutState = { ref: string; status: PayoutStatus; failureReason: string | null };

/** Where the money goes, as much as a provider needs to know here (never a full number). */
export type PayoutDestination = {
  kind: 'us_bank' | 'iban' | 'paypal' | 'payoneer';
  /** The PayPal or Payoneer email, or the account holder's name for a bank. */
  label: string;
  last4: string;
};

export interface PayoutProvider {
  readonly name: PayoutProviderName;
  /**
   * Sends a payout. The same idempotency key always means the same payout: a call repeated
   * after a timeout gets the first one's state, never a second payout. A network or provider
   * error throws (the caller resends with the same key).
   */
  createPayout(input: {
    idempotencyKey: string;
    amountCents: number;
    currency: string;
    destination: PayoutDestination;
  }): Promise<PayoutState>;
  readPayout(ref: string): Promise<PayoutState>;
}
