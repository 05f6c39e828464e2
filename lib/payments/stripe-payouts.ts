import Stripe from 'stripe';
import type { PayoutEvent, PayoutProvider, PayoutState, PayoutStatus } from './payouts';
import { stripeClient, type StripeSettings } from './stripe';

/**
 * A payout's ref names the connected account it lives on, since every call about it is made
 * on that account (`Stripe-Account`): `acct_…/po_…`.
 */
export const stripePayoutRef = (accountId: string, payoutId: string) => `${accountId}/${payoutId}`;

function partsOf(ref: string): { account: string; payout: string } {
  const [account, payout] = ref.split('/');
  if (!account?.startsWith('acct_') || !payout) throw new Error(`Not a Stripe payout ref: ${ref}`);
  return { account, payout };
}

function statusOf(payout: Stripe.Payout): PayoutStatus {
  switch (payout.status) {
    case 'paid':
      return 'paid';
    case 'failed':
    case 'canceled':
      return 'failed';
    default:
      // pending, in_transit: the bank has not answered yet.
      return 'processing';
  }
}

function stateOf(accountId: string, payout: Stripe.Payout): PayoutState {
  const status = statusOf(payout);
  const failureReason =
    status !== 'failed'
      ? null
      : (payout.failure_message ??
        (payout.status === 'canceled'
          ? 'The payout was canceled.'
          : 'Your bank refused the payout. Check the account details.'));
  return { ref: stripePayoutRef(accountId, payout.id), status, failureReason };
}

/**
 * Stripe Connect for US bank accounts: each freelancer is a Custom connected account (manual
 * payouts, so we decide when money leaves) with their bank account as its external account;
 * a withdrawal is a Transfer from the platform to that account, then a Payout from it to the
 * bank. Every call carries a key derived from the withdrawal's provider key, so a resend
 * after a timeout reaches the same objects. `settings.webhookSecret` is the Connect
 * endpoint's signing secret (STRIPE_CONNECT_WEBHOOK_SECRET).
 */
export function createStripePayoutProvider(settings: StripeSettings) {
  const stripe = stripeClient(settings);
  const provider: PayoutProvider & {
    verifyWebhook(rawBody: string, signature: string | null): PayoutEvent | null;
  } = {
    name: 'stripe',

    async registerDestination({ idempotencyKey, payeeRef, destination }) {
      const bank = destination.usBank;
      if (destination.kind !== 'us_bank' || !bank) {
        throw new Error('Stripe Connect payouts here are for US bank accounts only');
      }
      const accountId =
        payeeRef ??
        (
          await stripe.accounts.create(
            {
              type: 'custom',
              country: 'US',
              business_type: 'individual',
              capabilities: { transfers: { requested: true } },
              settings: { payouts: { schedule: { interval: 'manual' } } },
              metadata: { payout_key: idempotencyKey },
            },
            { idempotencyKey: `${idempotencyKey}:account` },
          )
        ).id;
      const external = await stripe.accounts.createExternalAccount(
        accountId,
        {
          external_account: {
            object: 'bank_account',
            country: 'US',
            currency: 'usd',
            account_holder_name: destination.label,
            account_holder_type: 'individual',
            routing_number: bank.routingNumber,
            account_number: bank.revealAccountNumber(),
          },
        },
        { idempotencyKey: `${idempotencyKey}:bank-account` },
      );
      return { payeeRef: accountId, ref: external.id };
    },

    async createPayout({ idempotencyKey, amountCents, currency, destination }) {
      const registered = destination.registered;
      if (!registered) throw new Error('Register the destination before paying it');
      const metadata = { payout_key: idempotencyKey };
      await stripe.transfers.create(
        {
          amount: amountCents,
          currency: currency.toLowerCase(),
          destination: registered.payeeRef,
          transfer_group: idempotencyKey,
          metadata,
        },
        { idempotencyKey: `${idempotencyKey}:transfer` },
      );
      const payout = await stripe.payouts.create(
        {
          amount: amountCents,
          currency: currency.toLowerCase(),
          destination: registered.ref,
          metadata,
        },
        { idempotencyKey: `${idempotencyKey}:payout`, stripeAccount: registered.payeeRef },
      );
      return stateOf(registered.payeeRef, payout);
    },

    async readPayout(ref) {
      const { account, payout } = partsOf(ref);
      return stateOf(
        account,
        await stripe.payouts.retrieve(payout, {}, { stripeAccount: account }),
      );
    },

    /** A Connect event, checked by the SDK against the raw body; null when it is not Stripe's. */
    verifyWebhook(rawBody, signature) {
      if (!signature) return null;
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature, settings.webhookSecret);
      } catch {
        return null;
      }
      const object = event.data.object as { object?: string };
      if (!event.type.startsWith('payout.') || object.object !== 'payout' || !event.account) {
        return {
          id: event.id,
          type: event.type,
          payoutRef: null,
          idempotencyKey: null,
          state: null,
        };
      }
      const payout = event.data.object as Stripe.Payout;
      const state = stateOf(event.account, payout);
      return {
        id: event.id,
        type: event.type,
        payoutRef: state.ref,
        idempotencyKey: payout.metadata?.payout_key ?? null,
        state,
      };
    },
  };
  return provider;
}
