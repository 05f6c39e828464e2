import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { paymentCharges } from '@/db/schema';
import { selectStripe, victimCard } from '@/tests/actions/cases/billing';
import { postRequest, routeArgs, statusOf } from '../calls';
import { defineCase, everyone, type Entry } from '../runner';

const WEBHOOK_SECRET = 'whsec_matrix_stripe_secret';

/** A POST as Stripe sends it: signed over `target.body` with `secret`, carrying `body`. */
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

/** Stripe's charge webhook: the signature is the credential, not a session. */
export const BILLING_ROUTE_CASES: Record<string, Entry> = {
  'app/api/webhooks/stripe/route.ts#POST': defineCase({
    kind: 'signature-guarded',
    reason:
      "Stripe calls it with no session: the signature over the raw body, checked by Stripe's SDK, is the credential. Unsigned, wrongly signed or tampered calls change nothing, whoever is signed in.",
    rightful: 'anonymous',
    async arrange(world) {
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
