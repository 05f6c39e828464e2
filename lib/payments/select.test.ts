import { EnvError, parseEnv } from '@/lib/env';
import { stripeSettingsOf } from './select';

const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'x'.repeat(40),
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  EMAIL_TRANSPORT: 'mailbox',
  APP_URL: 'https://app.workbridge.example',
};
const STRIPE = {
  STRIPE_SECRET_KEY: 'sk_test_abc',
  STRIPE_WEBHOOK_SECRET: 'whsec_abc',
  STRIPE_PUBLISHABLE_KEY: 'pk_test_abc',
};

const problemsOf = (source: Record<string, string>) => {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    return (error as EnvError).problems;
  }
};

it('runs the simulated processor in development, Stripe when its keys are set', () => {
  expect(parseEnv({}).PAYMENTS_PROVIDER).toBe('simulated');
  expect(stripeSettingsOf(parseEnv({}))).toBeNull();
  const stripe = parseEnv(STRIPE);
  expect(stripe.PAYMENTS_PROVIDER).toBe('stripe');
  expect(stripeSettingsOf(stripe)).toEqual({
    secretKey: 'sk_test_abc',
    webhookSecret: 'whsec_abc',
    apiUrl: undefined,
  });
  expect(parseEnv({ ...STRIPE, PAYMENTS_PROVIDER: 'simulated' }).PAYMENTS_PROVIDER).toBe(
    'simulated',
  );
});

it('refuses the simulated processor in production unless chosen, and half a Stripe set-up', () => {
  expect(problemsOf(PRODUCTION)).toEqual([
    expect.stringMatching(
      /^STRIPE_SECRET_KEY is required in production.*PAYMENTS_PROVIDER=simulated/,
    ),
  ]);
  expect(problemsOf({ ...PRODUCTION, PAYMENTS_PROVIDER: 'simulated' })).toEqual([]);
  expect(problemsOf({ ...PRODUCTION, ...STRIPE })).toEqual([]);
  expect(problemsOf({ STRIPE_SECRET_KEY: 'sk_test_abc' })).toEqual([
    expect.stringMatching(/^STRIPE_WEBHOOK_SECRET is required for Stripe/),
    expect.stringMatching(/^STRIPE_PUBLISHABLE_KEY is required for Stripe/),
  ]);
  expect(problemsOf({ PAYMENTS_PROVIDER: 'stripe' })).toHaveLength(3);
  expect(problemsOf({ ...STRIPE, STRIPE_SECRET_KEY: 'pk_test_wrong' })).toEqual([
    expect.stringMatching(/^STRIPE_SECRET_KEY must be a Stripe secret key/),
  ]);
});
