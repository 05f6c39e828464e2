import Stripe from 'stripe';
import type { ChargeState, ChargeStatus, PaymentEvent, PaymentProvider } from './provider';

export type StripeSettings = {
  secretKey: string;
  webhookSecret: string;
  /** A stand-in server for tests: the SDK's own host, port and protocol options. */
  apiUrl?: string;
  /** How long one request may take (20 s by default); tests make a hang short. */
  timeoutMs?: number;
};

/** The SDK configured once per settings; tests point it at a local stand-in. */
export function stripeClient(settings: StripeSettings): Stripe {
  const url = settings.apiUrl ? new URL(settings.apiUrl) : null;
  return new Stripe(settings.secretKey, {
    ...(url
      ? {
          host: url.hostname,
          port: url.port || (url.protocol === 'http:' ? 80 : 443),
          protocol: url.protocol === 'http:' ? 'http' : 'https',
        }
      : {}),
    // Our own retries (the charge service, the settlement job) repeat the same idempotency key.
    maxNetworkRetries: 1,
    timeout: settings.timeoutMs ?? 20_000,
    telemetry: false,
  });
}

function statusOf(intent: Stripe.PaymentIntent): ChargeStatus {
  switch (intent.status) {
    case 'succeeded':
      return 'succeeded';
    case 'processing':
    case 'requires_capture':
      return 'processing';
    default:
      // requires_payment_method (declined), requires_action (off-session 3-D Secure), canceled.
      return 'failed';
  }
}

function failureOf(intent: Stripe.PaymentIntent): string | null {
  if (statusOf(intent) !== 'failed') return null;
  if (intent.status === 'requires_action') {
    return 'Your bank asks you to confirm this payment. Add the card again to confirm it.';
  }
  return intent.last_payment_error?.message ?? 'Your card was declined.';
}

const stateOf = (intent: Stripe.PaymentIntent): ChargeState => ({
  ref: intent.id,
  status: statusOf(intent),
  failureReason: failureOf(intent),
});

const idOf = (value: string | { id: string } | null | undefined) =>
  typeof value === 'string' ? value : (value?.id ?? null);

/** The events that move a charge; any other verified event is acknowledged and ignored. */
const CHARGE_EVENTS = new Set([
  'payment_intent.processing',
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
]);

/**
 * Stripe behind the provider interface: server-side SetupIntents save cards (Stripe.js
 * confirms them in the browser, so card numbers never reach us), off-session PaymentIntents
 * charge them under our idempotency key, webhooks are verified by the SDK.
 */
export function createStripeProvider(settings: StripeSettings): PaymentProvider {
  const stripe = stripeClient(settings);
  return {
    name: 'stripe',

    async createCustomer({ reference, name }) {
      const customer = await stripe.customers.create(
        { name, metadata: { workspace_id: reference } },
        { idempotencyKey: `customer:${reference}` },
      );
      return { ref: customer.id };
    },

    async startSetup(customerRef) {
      const intent = await stripe.setupIntents.create({
        customer: customerRef,
        allowed_payment_method_types: ['card'],
        usage: 'off_session',
      });
      if (!intent.client_secret) throw new Error('Stripe returned a SetupIntent without a secret');
      return { clientSecret: intent.client_secret };
    },

    async saveBillingMethod(customerRef, token) {
      if (token.kind !== 'stripe-setup-intent') {
        return { ok: false, reason: 'invalid', message: 'Enter the card details again.' };
      }
      const intent = await stripe.setupIntents.retrieve(token.setupIntentId);
      // Another customer's SetupIntent id is refused as if it did not exist.
      if (idOf(intent.customer) !== customerRef) {
        return { ok: false, reason: 'invalid', message: 'Enter the card details again.' };
      }
      if (intent.status !== 'succeeded') {
        return {
          ok: false,
          reason: 'declined',
          message: intent.last_setup_error?.message ?? 'Your card was declined. Try another card.',
        };
      }
      const methodId = idOf(intent.payment_method);
      if (!methodId) throw new Error('Stripe returned a confirmed SetupIntent without a card');
      const method = await stripe.paymentMethods.retrieve(methodId);
      if (!method.card) {
        return { ok: false, reason: 'invalid', message: 'Only cards can be saved here.' };
      }
      return {
        ok: true,
        card: {
          ref: method.id,
          brand: method.card.brand,
          last4: method.card.last4,
          expMonth: method.card.exp_month,
          expYear: method.card.exp_year,
        },
      };
    },

    async removeBillingMethod(methodRef) {
      await stripe.paymentMethods.detach(methodRef);
    },

    async charge(input) {
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: input.amountCents,
            currency: input.currency.toLowerCase(),
            customer: input.customerRef,
            payment_method: input.methodRef,
            off_session: true,
            confirm: true,
          },
          { idempotencyKey: input.idempotencyKey },
        );
        return stateOf(intent);
      } catch (error) {
        // A decline comes back as an error that carries the PaymentIntent.
        if (error instanceof Stripe.errors.StripeCardError && error.payment_intent) {
          return {
            ref: error.payment_intent.id,
            status: 'failed',
            failureReason: error.message || 'Your card was declined.',
          };
        }
        throw error;
      }
    },

    async readCharge(ref) {
      return stateOf(await stripe.paymentIntents.retrieve(ref));
    },

    async refund(input) {
      const refund = await stripe.refunds.create(
        { payment_intent: input.chargeRef, amount: input.amountCents },
        { idempotencyKey: input.idempotencyKey },
      );
      return { ref: refund.id };
    },

    async verifyWebhook(rawBody, signatureHeader): Promise<PaymentEvent | null> {
      if (!signatureHeader) return null;
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signatureHeader, settings.webhookSecret);
      } catch {
        return null;
      }
      if (!CHARGE_EVENTS.has(event.type)) {
        return {
          id: event.id,
          type: event.type,
          chargeRef: null,
          status: null,
          failureReason: null,
        };
      }
      const intent = event.data.object as Stripe.PaymentIntent;
      const { status, failureReason } = stateOf(intent);
      return { id: event.id, type: event.type, chargeRef: intent.id, status, failureReason };
    },
  };
}
