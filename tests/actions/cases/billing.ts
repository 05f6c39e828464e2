import { and, eq, isNull } from 'drizzle-orm';
import { billingMethods } from '@/db/schema';
import { startBillingMethodSetup } from '@/lib/billing/service';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { selectPaymentProvider } from '@/lib/payments/select';
import { addSimulatedCard } from '@/tests/helpers/billing-fixtures';
import { sharedStripeStandIn, stripeEnvFor } from '@/tests/helpers/stripe-stand-in';
import { redirectedTo } from '@/tests/security/matrix/calls';
import type { World } from '@/tests/security/matrix/world';
import { defineActionCase, type ActionCase } from '../case';

async function methodRow(world: World, methodId: string) {
  const [row] = await world.db.select().from(billingMethods).where(eq(billingMethods.id, methodId));
  return row;
}

/**
 * A second simulated card of the victim client (the first one is its default), as the target
 * of the per-card actions: no one else may make it the default or remove it.
 */
export async function victimCard(world: World) {
  world.setEnv('PAYMENTS_PROVIDER', 'simulated');
  const provider = createSimulatedProvider(world.db);
  const inviter = world.victimClient.inviter;
  const first = await addSimulatedCard(world.db, provider, inviter, '4242 4242 4242 4242');
  if (!first.ok) throw new Error(first.message);
  const second = await addSimulatedCard(world.db, provider, inviter, '5555 5555 5555 4444');
  if (!second.ok) throw new Error(second.message);
  return { methodId: second.methodId, protect: [second.methodId] };
}

/** Selects Stripe, pointed at the file's stand-in, for the rest of the file. */
export async function selectStripe(world: World, webhookSecret?: string) {
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

/** The client's billing methods (the Stripe webhook is a route: matrix/cases/billing-routes). */
export const BILLING_CASES: Record<string, ActionCase> = {
  'app/(app)/client/billing/actions.ts#addSimulatedCardAction': defineActionCase({
    actor: 'client',
    kind: 'self',
    reason: "Adds a card to the caller's own workspace; a workspace id in the form is ignored.",
    rightful: 'victimClient',
    async arrange(world) {
      world.setEnv('PAYMENTS_PROVIDER', 'simulated');
      return {};
    },
    form: () => ({ cardNumber: '4242 4242 4242 4242', expiry: '12/40' }),
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/client/billing?notice=added');
      expect((await activeMethodsOf(world)).some((m) => m.last4 === '4242')).toBe(true);
    },
  }),

  'app/(app)/client/billing/actions.ts#addStripeCardAction': defineActionCase({
    actor: 'client',
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
    form: ({ target }) => ({ setupIntentId: target.setupIntentId }),
    fuzz: { freshEachRun: 'a confirmed SetupIntent saves its card once' },
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/client/billing?notice=added');
      expect((await activeMethodsOf(world)).some((m) => m.provider === 'stripe')).toBe(true);
    },
  }),

  'app/(app)/client/billing/actions.ts#setDefaultBillingMethodAction': defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason: "Only the card's own workspace may make it the default.",
    rightful: 'victimClient',
    arrange: victimCard,
    form: ({ target }) => ({ methodId: target.methodId }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/client/billing?notice=default');
      expect((await methodRow(world, target.methodId)).isDefault).toBe(true);
    },
  }),

  'app/(app)/client/billing/actions.ts#removeBillingMethodAction': defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason: "Only the card's own workspace may remove it.",
    rightful: 'victimClient',
    arrange: victimCard,
    form: ({ target }) => ({ methodId: target.methodId }),
    fuzz: { freshEachRun: 'a removed card cannot be removed again' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/client/billing?notice=removed');
      expect((await methodRow(world, target.methodId)).removedAt).not.toBeNull();
    },
  }),
};
