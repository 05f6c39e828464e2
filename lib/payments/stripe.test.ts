import Stripe from 'stripe';
import { startStripeStandIn, type StripeStandIn } from '@/tests/helpers/stripe-stand-in';
import { createStripeProvider } from './stripe';

const WEBHOOK_SECRET = 'whsec_stand_in_secret';
let standIn: StripeStandIn;
beforeAll(async () => {
  standIn = await startStripeStandIn();
});
afterAll(() => standIn.close());

const provider = (timeoutMs?: number) =>
  createStripeProvider({
    secretKey: 'sk_test_standin',
    webhookSecret: WEBHOOK_SECRET,
    apiUrl: standIn.url,
    timeoutMs,
  });

/** A customer with a card confirmed on a SetupIntent, as the billing page would make it. */
async function customerWithCard(number = '4242 4242 4242 4242') {
  const stripe = provider();
  const { ref: customerRef } = await stripe.createCustomer({ reference: 'ws-1', name: 'Acme' });
  const setup = await stripe.startSetup(customerRef);
  const setupIntentId = setup!.clientSecret.split('_secret_')[0];
  standIn.confirmSetupIntent(setupIntentId, number);
  const saved = await stripe.saveBillingMethod(customerRef, {
    kind: 'stripe-setup-intent',
    setupIntentId,
  });
  return { customerRef, setupIntentId, saved };
}

it('saves a card confirmed on a SetupIntent as its brand and last 4', async () => {
  const { saved } = await customerWithCard();
  expect(saved).toEqual({
    ok: true,
    card: {
      ref: expect.stringMatching(/^pm_/),
      brand: 'visa',
      last4: '4242',
      expMonth: 12,
      expYear: 2040,
    },
  });
});

it('refuses a declined card, and a SetupIntent of another customer', async () => {
  const { saved } = await customerWithCard('4000 0000 0000 0002');
  expect(saved).toEqual({ ok: false, reason: 'declined', message: 'Your card was declined.' });
  const { setupIntentId } = await customerWithCard();
  const { ref: other } = await provider().createCustomer({ reference: 'ws-2', name: 'Other' });
  const stolen = await provider().saveBillingMethod(other, {
    kind: 'stripe-setup-intent',
    setupIntentId,
  });
  expect(stolen).toMatchObject({ ok: false, reason: 'invalid' });
});

it('charges once per idempotency key, even after a timeout once the charge was made', async () => {
  const { customerRef, saved } = await customerWithCard();
  if (!saved.ok) throw new Error(saved.message);
  const input = {
    customerRef,
    methodRef: saved.card.ref,
    amountCents: 5_000,
    currency: 'USD',
    idempotencyKey: `charge-${Date.now()}`,
  };
  const before = standIn.paymentIntents.size;
  // The SDK's own retry (same key) hangs too: the caller gets an error.
  standIn.hangAfterCharging(2);
  await expect(provider(300).charge(input)).rejects.toThrow();
  const retried = await provider().charge(input);
  const replayed = await provider().charge(input);
  expect(retried).toEqual({
    ref: expect.stringMatching(/^pi_/),
    status: 'succeeded',
    failureReason: null,
  });
  expect(replayed).toEqual(retried);
  expect(standIn.paymentIntents.size).toBe(before + 1);
  expect(await provider().readCharge(retried.ref)).toEqual(retried);
  const refund = await provider().refund({
    chargeRef: retried.ref,
    amountCents: 1_000,
    idempotencyKey: `${input.idempotencyKey}:refund`,
  });
  const again = await provider().refund({
    chargeRef: retried.ref,
    amountCents: 1_000,
    idempotencyKey: `${input.idempotencyKey}:refund`,
  });
  expect(again).toEqual(refund);
  expect(standIn.refunds.size).toBe(1);
});

it('answers a declined charge as failed with its message', async () => {
  const { customerRef, saved } = await customerWithCard('4000 0000 0000 0341');
  if (!saved.ok) throw new Error(saved.message);
  const state = await provider().charge({
    customerRef,
    methodRef: saved.card.ref,
    amountCents: 5_000,
    currency: 'USD',
    idempotencyKey: `declined-${Date.now()}`,
  });
  expect(state).toEqual({
    ref: expect.stringMatching(/^pi_/),
    status: 'failed',
    failureReason: 'Your card was declined.',
  });
});

it('accepts only webhooks signed with the secret, over the body as sent', async () => {
  const { customerRef, saved } = await customerWithCard();
  if (!saved.ok) throw new Error(saved.message);
  const charged = await provider().charge({
    customerRef,
    methodRef: saved.card.ref,
    amountCents: 700,
    currency: 'USD',
    idempotencyKey: `hook-${Date.now()}`,
  });
  const payload = standIn.eventAbout(charged.ref, 'payment_intent.succeeded', 'succeeded');
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  expect(await provider().verifyWebhook(payload, header)).toEqual({
    id: JSON.parse(payload).id,
    type: 'payment_intent.succeeded',
    chargeRef: charged.ref,
    status: 'succeeded',
    failureReason: null,
  });
  const wrong = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' });
  expect(await provider().verifyWebhook(payload, wrong)).toBeNull();
  expect(
    await provider().verifyWebhook(payload.replace('succeeded', 'canceled'), header),
  ).toBeNull();
  expect(await provider().verifyWebhook(payload, null)).toBeNull();
});
