import type { Db } from '@/db/client';
import { getEnv, type Env } from '@/lib/env';
import type { PaymentProvider } from './provider';
import { createSimulatedProvider } from './simulated';
import { createStripeProvider, type StripeSettings } from './stripe';

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
