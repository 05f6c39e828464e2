/**
 * What the app asks of a payment provider. lib/payments knows no domain: it talks about
 * customers, cards and charges, never invoices. Implementations: the simulated processor
 * (simulated.ts, the embedded default) and Stripe (stripe.ts).
 */
export type ProviderName = 'simulated' | 'stripe';

/** What the provider tells us of a saved card: never its number. */
export type SavedCard = {
  ref: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
};

/**
 * What the browser handed over to save a card: on the simulated path the test card itself
 * (it is a fake processor), on Stripe's the SetupIntent that Stripe.js confirmed.
 */
export type BillingMethodToken =
  | { kind: 'simulated-card'; number: string; expMonth: number; expYear: number }
  | { kind: 'stripe-setup-intent'; setupIntentId: string };

/** A refusal the client can act on ("Your card was declined."). */
export type CardRefusal = { ok: false; reason: 'declined' | 'invalid'; message: string };

export type ChargeStatus = 'processing' | 'succeeded' | 'failed';

export type ChargeState = { ref: string; status: ChargeStatus; failureReason: string | null };

/** A verified webhook event about a charge; `chargeRef` null for events we do not follow. */
export type PaymentEvent = {
  id: string;
  type: string;
  chargeRef: string | null;
  status: ChargeStatus | null;
  failureReason: string | null;
};

export type ChargeInput = {
  customerRef: string;
  methodRef: string;
  amountCents: number;
  currency: string;
  idempotencyKey: string;
};

export interface PaymentProvider {
  readonly name: ProviderName;
  /** `reference` is ours (the workspace id), kept by the provider as metadata. */
  createCustomer(input: { reference: string; name: string }): Promise<{ ref: string }>;
  /** Stripe: a SetupIntent for Stripe.js to confirm in the browser; simulated: nothing needed. */
  startSetup(customerRef: string): Promise<{ clientSecret: string } | null>;
  saveBillingMethod(
    customerRef: string,
    token: BillingMethodToken,
  ): Promise<{ ok: true; card: SavedCard } | CardRefusal>;
  removeBillingMethod(methodRef: string): Promise<void>;
  /**
   * Charges a saved card. The same idempotency key always means the same charge: a call
   * repeated after a timeout gets the first answer, never a second charge. A decline is a
   * `failed` state; a network or provider error throws (the caller retries with the key).
   */
  charge(input: ChargeInput): Promise<ChargeState>;
  /**
   * `charge` for several inputs in one request, answers in the inputs' order, for a provider
   * with a batch endpoint (the simulated one: one write for the batch); others leave it out
   * and are called once per charge. Any error throws for the whole call: the caller sends
   * each again with `charge`, under the same keys, so nothing is charged twice.
   */
  chargeMany?(inputs: ChargeInput[]): Promise<ChargeState[]>;
  readCharge(ref: string): Promise<ChargeState>;
  refund(input: {
    chargeRef: string;
    amountCents: number;
    idempotencyKey: string;
  }): Promise<{ ref: string }>;
  /** The event if the signature over the raw body is the provider's, else null. */
  verifyWebhook(rawBody: string, signatureHeader: string | null): Promise<PaymentEvent | null>;
}
