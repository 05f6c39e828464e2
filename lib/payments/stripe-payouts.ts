import { createHmac } from 'node:crypto';
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
import {
  addressOf,
  FREELANCE_MCC,
  payeeUpdateParams,
  productDescriptionOf,
  siteOf,
  tosAcceptanceOf,
} from './stripe-account-details';

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
 * What Stripe asks of a US individual's Custom account (its identity, what they sell, their
 * acceptance of the terms), from what we hold; what we do not hold is left out, and Stripe
 * lists it in the account's requirements (see docs/WITHDRAWALS.md). The shapes of the
 * details are stripe-account-details.ts's, shared with the later updates.
 * - The date of birth (`dob`, day, month and year) when the W-9 was given with one (it is
 *   optional there); without it Stripe lists `individual.dob.*` as due. Decrypted here, for
 *   this request only.
 * - The full SSN (`id_number`), not its last four: Stripe takes the last four at first but
 *   asks for the whole number when they do not verify the person or once the account has
 *   been paid enough, and stops transfers until it has it; we hold the whole number from the
 *   W-9 (its taxpayer id, or the person's own SSN given beside an EIN), and sending it once
 *   now spares an update later. It is decrypted here, for this request only.
 * - The profile's address only when it is public and on https (`siteOf`); the description
 *   of the work, always sent, is enough without it.
 * - The terms' acceptance only with both its time and its address (`tosAcceptanceOf`).
 */
function connectedAccountParams(payee: Payee, payoutKey: string): Stripe.AccountCreateParams {
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
      address: addressOf(payee),
      id_number: payee.revealSsn?.(),
      dob: payee.revealDateOfBirth?.(),
    },
    business_profile: {
      mcc: FREELANCE_MCC,
      product_description: productDescriptionOf(payee),
      url: siteOf(payee),
    },
    tos_acceptance: tosAcceptanceOf(payee),
    metadata: { payout_key: payoutKey },
  };
}

/**
 * The idempotency key of an account update: the account and a keyed hash of exactly what is
 * sent, so the same details sent twice (a retried job, a second event) are one update at
 * Stripe, and changed details a new one. Keyed with the secret key (which Stripe holds
 * anyway) because the body carries an SSN or a date of birth, which a plain hash would let
 * anyone who saw the key guess back.
 */
function accountUpdateKey(
  secretKey: string,
  accountId: string,
  params: Stripe.AccountUpdateParams,
) {
  const digest = createHmac('sha256', secretKey).update(JSON.stringify(params)).digest('hex');
  return `account-update:${accountId}:${digest.slice(0, 32)}`;
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
 * Stripe needs now and later and by when, what it refused (codes and names only), why it
 * stopped, as of the event's `created`), a connected account
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
    const requirements = account.requirements;
    return {
      ...base,
      ...none,
      payee: {
        payeeRef: account.id,
        payoutsEnabled: account.payouts_enabled === true,
        requirementsDue: requirements?.currently_due ?? [],
        eventuallyDue: requirements?.eventually_due ?? [],
        deadline: requirements?.current_deadline
          ? new Date(requirements.current_deadline * 1000)
          : null,
        // Stripe's `reason` is free text about the value it refused: never kept.
        errors: (requirements?.errors ?? []).map((e) => ({
          requirement: e.requirement,
          code: e.code,
        })),
        disabledReason: requirements?.disabled_reason ?? null,
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
      // the account back to verification. What it still asks for goes through updatePayee.
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

    async updatePayee({ payeeRef, payee }) {
      // What Stripe lists now, not what an event said a while ago: only those fields go.
      const account = await withoutEcho(
        'read the connected account',
        () => stripe.accounts.retrieve(payeeRef),
        payeeRef,
      );
      const requirements = account.requirements;
      const due = new Set([
        ...(requirements?.currently_due ?? []),
        ...(requirements?.eventually_due ?? []),
        ...(requirements?.past_due ?? []),
      ]);
      const { params, sent } = payeeUpdateParams(payee, due);
      if (sent.length === 0) return { sent };
      await withoutEcho(
        `update the connected account's ${sent.join(', ')}`,
        () =>
          stripe.accounts.update(payeeRef, params, {
            idempotencyKey: accountUpdateKey(settings.secretKey, payeeRef, params),
          }),
        payeeRef,
      );
      return { sent };
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
