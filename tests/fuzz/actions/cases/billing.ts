import { startBillingMethodSetup } from '@/lib/billing/service';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { selectPaymentProvider } from '@/lib/payments/select';
import { addSimulatedCard } from '@/tests/helpers/billing-fixtures';
import { sharedStripeStandIn, stripeEnvFor } from '@/tests/helpers/stripe-stand-in';
import type { World } from '@/tests/security/matrix/world';
import type { FuzzCase } from '../runner';

/** A client with two simulated cards: the second is not the default. */
async function clientWithCards(world: World) {
  world.setEnv('PAYMENTS_PROVIDER', 'simulated');
  const caller = await world.newClient('company');
  const provider = createSimulatedProvider(world.db);
  await addSimulatedCard(world.db, provider, caller.inviter, '4242 4242 4242 4242');
  const second = await addSimulatedCard(world.db, provider, caller.inviter, '5555 5555 5555 4444');
  if (!second.ok) throw new Error(second.message);
  return { caller, methodId: second.methodId };
}

/** The client's billing methods. */
export const BILLING_FUZZ: Record<string, FuzzCase> = {
  'app/(app)/client/billing/actions.ts#addSimulatedCardAction': {
    async arrange(world) {
      world.setEnv('PAYMENTS_PROVIDER', 'simulated');
      return {
        caller: await world.newClient('company'),
        form: { cardNumber: '4242 4242 4242 4242', expiry: '12/40' },
      };
    },
  },

  'app/(app)/client/billing/actions.ts#addStripeCardAction': {
    async arrange(world) {
      const standIn = await sharedStripeStandIn();
      for (const [name, value] of Object.entries(stripeEnvFor(standIn))) world.setEnv(name, value);
      const caller = await world.newClient('company');
      const setup = await startBillingMethodSetup(
        world.db,
        selectPaymentProvider(world.db),
        caller.inviter,
      );
      const setupIntentId = setup!.clientSecret.split('_secret_')[0];
      standIn.confirmSetupIntent(setupIntentId, '4242 4242 4242 4242');
      return { caller, form: { setupIntentId } };
    },
    freshEachRun: 'a confirmed SetupIntent saves its card once',
  },

  'app/(app)/client/billing/actions.ts#setDefaultBillingMethodAction': {
    async arrange(world) {
      const { caller, methodId } = await clientWithCards(world);
      return { caller, form: { methodId } };
    },
  },

  'app/(app)/client/billing/actions.ts#removeBillingMethodAction': {
    async arrange(world) {
      const { caller, methodId } = await clientWithCards(world);
      return { caller, form: { methodId } };
    },
    freshEachRun: 'a removed card cannot be removed again',
  },
};
