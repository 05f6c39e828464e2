import Stripe from 'stripe';
import {
  PayeeGoneError,
  PayoutRefusedError,
  type Payee,
  type PayoutEvent,
  type PayoutProvider,
  type PayoutState,
  type PayoutStatus,
} from './payouts';
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
 * Stripe's merchant category for what a freelancer sells: 8999, "Professional services (not
 * elsewhere classified)": development, design, writing and the rest of the work done here.
 */
export const FREELANCE_MCC = '8999';

/**
 * What Stripe asks of a US individual's Custom account (its identity, what they sell, their
 * acceptance of the terms), from what we hold; what we do not hold is left out, and Stripe
 * lists it in the account's requirements (see docs/WITHDRAWALS.md).
 * - The date of birth (`dob`, day, month and year) when the W-9 was given with one (it is
 *   optional there); without it Stripe lists `individual.dob.*` as due. Decrypted here, for
 *   this request only.
 * - The full SSN (`id_number`), not its last four: Stripe takes the last four at first but
 *   asks for the whole number when they do not verify the person or once the account has
 *   been paid enough, and stops transfers until it has it; we hold the whole number from the
 *   W-9, and sending it once now keeps payouts from stopping later, when nothing here would
 *   send it. It is decrypted here, for this request only.
 * - The profile's address only when it is public and on https: Stripe looks at the site, so
 *   a development address (http://localhost) would only be refused; the description of
 *   the work, always sent, is enough without it.
 * - The terms' acceptance only with both its time and its address: it is our statement that
 *   this person accepted them, from there, then; we do not make up either half.
 */
function connectedAccountParams(payee: Payee, payoutKey: string): Stripe.AccountCreateParams {
  const address = payee.usAddress;
  const url = payee.profile.publicUrl;
  return {
    type: 'custom',
    country: 'US',
    business_type: 'individual',
    capabilities: { transfers: { requested: true } },
    settings: { payouts: { schedule: { interval: 'manual' } } },
    individual: {
      first_name: payee.firstName ?? undefined,
      last_name: payee.lastName ?? undefined,
      email: payee.email,
      phone: payee.phone ?? undefined,
      address: address
        ? {
            line1: address.line1,
            line2: address.line2 ?? undefined,
            city: address.city,
            state: address.state,
            postal_code: address.postalCode,
            country: 'US',
          }
        : undefined,
      id_number: payee.revealSsn?.(),
      dob: payee.revealDateOfBirth?.(),
    },
    business_profile: {
      mcc: FREELANCE_MCC,
      product_description: payee.profile.title
        ? `Freelance work for clients through Workbridge: ${payee.profile.title}`
        : 'Freelance work for clients through Workbridge',
      url: url?.startsWith('https://') ? url : undefined,
    },
    tos_acceptance: payee.termsAccepted
      ? {
          date: Math.floor(payee.termsAccepted.at.getTime() / 1000),
          ip: payee.termsAccepted.ip,
        }
      : undefined,
    metadata: { payout_key: payoutKey },
  };
}

/**
 * Stripe refused the request for good: an invalid request (400) or a missing object (404)
 * is not carried out, and the same request would be refused again. Not so for the
 * platform's own balance running short (the payout can wait for it) nor for rate limits,
 * idempotency conflicts or anything without an answer.
 */
function isRefusedForGood(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeInvalidRequestError &&
    (error.statusCode === 400 || error.statusCode === 404) &&
    error.code !== 'balance_insufficient'
  );
}

/**
 * A request made before any money moves (the connected account, its bank account, the
 * transfer to it). If Stripe refuses it, its answer might quote what it was sent (a tax id,
 * a bank account number), so the error passed on (and perhaps logged by whoever catches it)
 * names only the kind of refusal and the field, never Stripe's message. A refusal for good
 * is a PayoutRefusedError: nothing was made, so the money can go back.
 */
async function withoutEcho<T>(
  what: string,
  call: () => Promise<T>,
  accountId?: string,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const detail =
      error instanceof Stripe.errors.StripeError
        ? [error.type, error.code, error.param && `on ${error.param}`].filter(Boolean).join(' ')
        : 'no answer';
    const message = `Stripe did not ${what} (${detail})`;
    if (accountId && isAccountMissing(error)) throw new PayeeGoneError(message, accountId);
    throw isRefusedForGood(error) ? new PayoutRefusedError(message) : new Error(message);
  }
}

/**
 * The connected account itself is not there (deleted): `resource_missing` on the account in
 * the path (404) or as the transfer's `destination`. Any other missing object (a bank
 * account, a payout) is not the account's absence.
 */
function isAccountMissing(error: unknown): boolean {
  return (
    error instanceof Stripe.errors.StripeInvalidRequestError &&
    error.code === 'resource_missing' &&
    (error.param === 'destination' || error.param === 'account' || !error.param)
  );
}

/**
 * What a verified Connect event means here: a payout's new state (`payout.*` on a connected
 * account), a connected account's status (`account.updated`: whether it pays out, what
 * Stripe still needs, why it stopped, as of the event's `created`), a connected account
 * gone (`account.application.deauthorized`), or nothing.
 */
export function payoutEventOf(event: Stripe.Event): PayoutEvent {
  const base = { id: event.id, type: event.type };
  const none = {
    payoutRef: null,
    idempotencyKey: null,
    state: null,
    payee: null,
    closedPayeeRef: null,
  };
  if (event.type === 'account.application.deauthorized') {
    // On the Connect endpoint `account` names the connected account that left the platform.
    return { ...base, ...none, closedPayeeRef: event.account ?? null };
  }
  if (event.type === 'account.updated') {
    const account = event.data.object;
    return {
      ...base,
      ...none,
      payee: {
        payeeRef: account.id,
        payoutsEnabled: account.payouts_enabled === true,
        requirementsDue: account.requirements?.currently_due ?? [],
        disabledReason: account.requirements?.disabled_reason ?? null,
        asOf: new Date(event.created * 1000),
      },
    };
  }
  if (!event.type.startsWith('payout.') || !event.account) return { ...base, ...none };
  const payout = event.data.object as Stripe.Payout;
  if (payout.object !== 'payout') return { ...base, ...none };
  const state = stateOf(event.account, payout);
  return {
    ...base,
    ...none,
    payoutRef: state.ref,
    idempotencyKey: payout.metadata?.payout_key ?? null,
    state,
  };
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

    async registerDestination({ idempotencyKey, payeeRef, payee, destination }) {
      const bank = destination.usBank;
      if (destination.kind !== 'us_bank' || !bank) {
        throw new Error('Stripe Connect payouts here are for US bank accounts only');
      }
      // An existing account only gets the new bank account: Stripe keeps the identity it
      // verified, and a verified person's name or id number sent again is refused or sends
      // the account back to verification.
      const accountId =
        payeeRef ??
        (
          await withoutEcho('create the connected account', () =>
            stripe.accounts.create(connectedAccountParams(payee, idempotencyKey), {
              idempotencyKey: `${idempotencyKey}:account`,
            }),
          )
        ).id;
      const external = await withoutEcho(
        'add the bank account',
        () =>
          stripe.accounts.createExternalAccount(
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
          ),
        accountId,
      );
      return { payeeRef: accountId, ref: external.id };
    },

    async createPayout({ idempotencyKey, amountCents, currency, destination }) {
      const registered = destination.registered;
      if (!registered) throw new Error('Register the destination before paying it');
      const metadata = { payout_key: idempotencyKey };
      await withoutEcho(
        'send the transfer',
        () =>
          stripe.transfers.create(
            {
              amount: amountCents,
              currency: currency.toLowerCase(),
              destination: registered.payeeRef,
              transfer_group: idempotencyKey,
              metadata,
            },
            { idempotencyKey: `${idempotencyKey}:transfer` },
          ),
        registered.payeeRef,
      );
      // After the transfer the money is on the connected account: a refused payout is sent
      // again (same key), never given back here, which would count the money twice.
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
      return payoutEventOf(event);
    },
  };
  return provider;
}
