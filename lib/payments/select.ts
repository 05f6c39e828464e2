import type { Db } from '@/db/client';
import { getEnv, type Env } from '@/lib/env';
import type { PayoutProvider, PayoutRouting } from './payouts';
import type { PaymentProvider } from './provider';
import { createSimulatedPayoutProvider } from './simulated-payouts';
import { createSimulatedProvider } from './simulated';
import { createStripeProvider, type StripeSettings } from './stripe';
import { createStripePayoutProvider } from './stripe-payouts';

/** Stripe's settings when it is the provider (lib/env.ts refuses it with a key missing). */
export function stripeSettingsOf(env: Env): StripeSettings | null {
  if (env.PAYMENTS_PROVIDER !== 'stripe') return null;
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) {
    throw new Error('PAYMENTS_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET');
  }
  return {
    secretKey: env.STRIPE_SECRET_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    apiUrl: env.STRIPE_API_URL,
  };
}

/** The configured provider: Stripe with its keys, else the simulated processor. */
export function selectPaymentProvider(db: Db): PaymentProvider {
  const stripe = stripeSettingsOf(getEnv());
  return stripe ? createStripeProvider(stripe) : createSimulatedProvider(db);
}

/**
 * Stripe Connect's settings when Stripe is the provider: the same key, and the Connect
 * endpoint's own signing secret (null without it: the webhook route answers 404 and payouts
 * are followed by polling alone).
 */
export function stripePayoutSettingsOf(
  env: Env,
): (StripeSettings & { hasWebhooks: boolean }) | null {
  const stripe = stripeSettingsOf(env);
  if (!stripe) return null;
  return {
    ...stripe,
    webhookSecret: env.STRIPE_CONNECT_WEBHOOK_SECRET ?? '',
    hasWebhooks: env.STRIPE_CONNECT_WEBHOOK_SECRET !== undefined,
  };
}

/**
 * The payout providers per method kind: with Stripe configured, US bank accounts go through
 * Stripe Connect and the other kinds (international bank, PayPal, Payoneer) stay on the
 * simulated provider, which has no real counterpart yet; without Stripe, all are simulated.
 */
export function selectPayoutProvider(db: Db, env: Env = getEnv()): PayoutRouting {
  const simulated = createSimulatedPayoutProvider(db);
  const settings = stripePayoutSettingsOf(env);
  const stripe: PayoutProvider | null = settings ? createStripePayoutProvider(settings) : null;
  return {
    forKind: (kind) => (kind === 'us_bank' && stripe ? stripe : simulated),
    named: (name) => (name === 'simulated' ? simulated : name === 'stripe' ? stripe : null),
  };
}
