import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import Stripe from 'stripe';
import { billingMethods, paymentCharges } from '@/db/schema';
import { startBillingMethodSetup } from '@/lib/billing/service';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { selectPaymentProvider } from '@/lib/payments/select';
import { addSimulatedCard } from '@/tests/helpers/billing-fixtures';
import { sharedStripeStandIn, stripeEnvFor } from '@/tests/helpers/stripe-stand-in';
import { formArgs, postRequest, redirectedTo, routeArgs, smuggled, statusOf } from '../calls';
import { defineCase, everyone, type Entry } from '../runner';
import type { World } from '../world';

const WEBHOOK_SECRET = 'whsec_matrix_stripe_secret';

async function methodRow(world: World, methodId: string) {
  const [row] = await world.db.select().from(billingMethods).where(eq(billingMethods.id, methodId));
  return row;
}

/** A second simulated card of the victim client (the first one is its default). */
async function victimCard(world: World) {
  world.setEnv('PAYMENTS_PROVIDER', 'simulated');
  const provider = createSimulatedProvider(world.db);
  const inviter = world.victimClient.inviter;
  for (const number of ['4242 4242 4242 4242', '5555 5555 5555 4444']) {
    const added = await addSimulatedCard(world.db, provider, inviter, number);
    if (!added.ok) throw new Error(added.message);
    if (number.startsWith('5')) return { methodId: added.methodId, protect: [added.methodId] };
  }
  throw new Error('unreachable');
}

async function selectStripe(world: World, webhookSecret?: string) {
  const standIn = await sharedStripeStandIn();
  for (const [name, value] of Object.entries(stripeEnvFor(standIn, webhookSecret))) {
    world.setEnv(name, value);
  }
  return standIn;
}

const activeMethodsOf = (world: World) =>
  world.db
    .select()
    .from(billingMethods)
    .where(
      and(
        eq(billingMethods.workspaceId, world.victimClient.workspaceId),
        isNull(billingMethods.removedAt),
      ),
    );

function stripeEvent(target: { body: string }, secret?: string, body = target.body) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret) {
    headers['stripe-signature'] = Stripe.webhooks.generateTestHeaderString({
      payload: target.body,
      secret,
    });
  }
  return routeArgs(postRequest('/api/webhooks/stripe', { headers, body }));
}

/** The client's billing methods and Stripe's charge webhook. */
export const BILLING_CASES: Record<string, Entry> = {
  'app/(app)/client/billing/actions.ts#addSimulatedCardAction': defineCase({
    kind: 'self',
    reason: "Adds a card to the caller's own workspace; a workspace id in the form is ignored.",
    rightful: 'victimClient',
    async arrange(world) {
      world.setEnv('PAYMENTS_PROVIDER', 'simulated');
      return {};
    },
    args: (ctx) =>
      formArgs({ cardNumber: '4242 4242 4242 4242', expiry: '12/40', ...smuggled(ctx) }),
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/client/billing?notice=added');
      expect((await activeMethodsOf(world)).some((m) => m.last4 === '4242')).toBe(true);
    },
  }),

  'app/(app)/client/billing/actions.ts#addStripeCardAction': defineCase({
    kind: 'self',
    reason:
      "Saves the card of a SetupIntent of the caller's own Stripe customer; another workspace's SetupIntent id is refused.",
    rightful: 'victimClient',
    async arrange(world) {
      const standIn = await selectStripe(world);
      const setup = await startBillingMethodSetup(
        world.db,
        selectPaymentProvider(world.db),
        world.victimClient.inviter,
      );
      const setupIntentId = setup!.clientSecret.split('_secret_')[0];
      standIn.confirmSetupIntent(setupIntentId, '4242 4242 4242 4242');
      return { setupIntentId };
    },
    args: (ctx) => formArgs({ setupIntentId: ctx.target.setupIntentId, ...smuggled(ctx) }),
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/client/billing?notice=added');
      expect((await activeMethodsOf(world)).some((m) => m.provider === 'stripe')).toBe(true);
    },
  }),

  'app/(app)/client/billing/actions.ts#setDefaultBillingMethodAction': defineCase({
    kind: 'owner',
    reason: "Only the card's own workspace may make it the default.",
    rightful: 'victimClient',
    arrange: victimCard,
    args: ({ target }) => formArgs({ methodId: target.methodId }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/client/billing?notice=default');
      expect((await methodRow(world, target.methodId)).isDefault).toBe(true);
    },
  }),

  'app/(app)/client/billing/actions.ts#removeBillingMethodAction': defineCase({
    kind: 'owner',
    reason: "Only the card's own workspace may remove it.",
    rightful: 'victimClient',
    arrange: victimCard,
    args: ({ target }) => formArgs({ methodId: target.methodId }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/client/billing?notice=removed');
      expect((await methodRow(world, target.methodId)).removedAt).not.toBeNull();
    },
  }),

  'app/api/webhooks/stripe/route.ts#POST': defineCase({
    kind: 'signature-guarded',
    reason:
      "Stripe calls it with no session: the signature over the raw body, checked by Stripe's SDK, is the credential. Unsigned, wrongly signed or tampered calls change nothing, whoever is signed in.",
    rightful: 'anonymous',
    async arrange(world) {
      await selectStripe(world, WEBHOOK_SECRET);
      const { methodId } = await victimCard(world);
      await selectStripe(world, WEBHOOK_SECRET);
      const ref = `pi_${randomUUID().replaceAll('-', '')}`;
      const [charge] = await world.db
        .insert(paymentCharges)
        .values({
          workspaceId: world.victimClient.workspaceId,
          billingMethodId: methodId,
          amountCents: 1_000,
          currency: 'USD',
          idempotencyKey: `matrix:${randomUUID()}`,
          status: 'processing',
          provider: 'stripe',
          providerRef: ref,
          sourceType: 'matrix',
          sourceId: randomUUID(),
        })
        .returning();
      const body = JSON.stringify({
        id: `evt_${randomUUID().replaceAll('-', '')}`,
        object: 'event',
        type: 'payment_intent.succeeded',
        created: Math.floor(Date.now() / 1000),
        data: { object: { id: ref, object: 'payment_intent', status: 'succeeded' } },
      });
      return { chargeId: charge.id, body, protect: [charge.id] };
    },
    args: ({ target }) => stripeEvent(target, WEBHOOK_SECRET),
    wrongArgs: [
      ({ target }) => stripeEvent(target),
      ({ target }) => stripeEvent(target, 'whsec_not_the_secret_stripe_holds'),
      ({ target }) =>
        stripeEvent(
          target,
          WEBHOOK_SECRET,
          target.body.replace('payment_intent.succeeded', 'payment_intent.payment_failed'),
        ),
    ],
    others: everyone('skip'),
    async succeeded(outcome, { world, target }) {
      expect(statusOf(outcome)).toBe(200);
      const [row] = await world.db
        .select()
        .from(paymentCharges)
        .where(eq(paymentCharges.id, target.chargeId));
      expect(row.status).toBe('succeeded');
    },
  }),
};
