'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import {
  billingMethodIdSchema,
  simulatedCardSchema,
  stripeSetupSchema,
} from '@/lib/billing/schemas';
import {
  addBillingMethod,
  removeBillingMethod,
  setDefaultBillingMethod,
  type BillingResult,
} from '@/lib/billing/service';
import type { BillingMethodToken } from '@/lib/payments/provider';
import { selectPaymentProvider } from '@/lib/payments/select';
import type { Db } from '@/db/client';
import type { ActorFor } from '@/lib/actions/actor';

const WRONG_PATH = {
  ok: false,
  message: 'Card entry changed on our side. Reload the page and enter your card again.',
} as const;

/** Adds a card through the configured provider; a decline is shown next to the card number. */
async function addWith(
  db: Db,
  actor: ActorFor<'client'>,
  token: BillingMethodToken,
  field: string,
) {
  const provider = selectPaymentProvider(db);
  const expected = token.kind === 'simulated-card' ? 'simulated' : 'stripe';
  if (provider.name !== expected) return WRONG_PATH;
  const result: BillingResult = await addBillingMethod(
    db,
    provider,
    actor.inviter,
    token,
    actor.ip,
  );
  if (!result.ok) {
    return result.reason === 'declined' || result.reason === 'invalid'
      ? { ok: false as const, message: result.message, fieldErrors: { [field]: [result.message] } }
      : { ok: false as const, message: result.message };
  }
  redirect('/client/billing?notice=added');
}

/**
 * The simulated processor's card form (a fake processor, so the test number is posted to
 * us); the number is never echoed back, even to redisplay the form with errors.
 */
export const addSimulatedCardAction = defineAction({
  actor: 'client',
  schema: simulatedCardSchema,
  secretFields: ['cardNumber'],
  async handler({ cardNumber, expiry }, { db, actor }) {
    return addWith(
      db,
      actor,
      { kind: 'simulated-card', number: cardNumber, ...expiry },
      'cardNumber',
    );
  },
});

/** The Stripe path: Stripe.js confirmed a SetupIntent; the card number never reached us. */
export const addStripeCardAction = defineAction({
  actor: 'client',
  schema: stripeSetupSchema,
  async handler({ setupIntentId }, { db, actor }) {
    return addWith(db, actor, { kind: 'stripe-setup-intent', setupIntentId }, 'card');
  },
});

export const setDefaultBillingMethodAction = defineAction({
  actor: 'client',
  schema: billingMethodIdSchema,
  async handler({ methodId }, { db, actor }) {
    const result = await setDefaultBillingMethod(db, actor.inviter, methodId, actor.ip);
    if (!result.ok) return { ok: false, message: result.message };
    redirect('/client/billing?notice=default');
  },
});

export const removeBillingMethodAction = defineAction({
  actor: 'client',
  schema: billingMethodIdSchema,
  async handler({ methodId }, { db, actor }) {
    const provider = selectPaymentProvider(db);
    const result = await removeBillingMethod(db, provider, actor.inviter, methodId, actor.ip);
    if (!result.ok) return { ok: false, message: result.message };
    redirect('/client/billing?notice=removed');
  },
});
