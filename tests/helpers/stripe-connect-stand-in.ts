import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

type Json = Record<string, unknown>;
export type Answer = { status: number; body: Json };

const idOf = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;
const ok = (body: Json): Answer => ({ status: 200, body });
/** Stripe's answer for an object that is not there: 404 in the path, 400 as a parameter. */
const missing = (what: string, param?: string): Answer => ({
  status: param ? 400 : 404,
  body: {
    error: {
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: `No such ${what}`,
      ...(param ? { param } : {}),
    },
  },
});

const refused = (param: string, message: string): Answer => ({
  status: 400,
  body: { error: { type: 'invalid_request_error', code: 'parameter_invalid', param, message } },
});

/**
 * Shapes Stripe refuses in a US individual's account details, for the fields we send: the
 * id number is 9 digits, the MCC 4, a state its two-letter code, the site a public https
 * address, the terms' acceptance a Unix time and an IP address.
 */
function refusalOfAccount(form: URLSearchParams): Answer | null {
  const checks: [string, RegExp | ((value: string) => boolean)][] = [
    ['individual[id_number]', /^\d{9}$/],
    ['individual[ssn_last_4]', /^\d{4}$/],
    ['individual[dob][day]', (value) => /^\d{1,2}$/.test(value) && +value >= 1 && +value <= 31],
    ['individual[dob][month]', (value) => /^\d{1,2}$/.test(value) && +value >= 1 && +value <= 12],
    ['individual[dob][year]', (value) => /^\d{4}$/.test(value) && +value >= 1900],
    ['individual[phone]', /^\+[1-9]\d{7,14}$/],
    ['individual[address][state]', /^[A-Z]{2}$/],
    ['individual[address][postal_code]', /^\d{5}(-\d{4})?$/],
    ['business_profile[mcc]', /^\d{4}$/],
    ['business_profile[url]', /^https:\/\/[^/\s]+\.[^/\s]+/],
    ['tos_acceptance[date]', /^\d{9,10}$/],
    ['tos_acceptance[ip]', (value) => isIP(value) !== 0],
  ];
  for (const [param, check] of checks) {
    const value = form.get(param);
    if (value === null) continue;
    if (typeof check === 'function' ? !check(value) : !check.test(value)) {
      return refused(param, `Invalid value for ${param}.`);
    }
  }
  return null;
}

const metadataOf = (form: URLSearchParams) =>
  Object.fromEntries(
    [...form.entries()]
      .filter(([name]) => name.startsWith('metadata['))
      .map(([name, value]) => [name.slice('metadata['.length, -1), value]),
  );

/**
 * The Connect part of the Stripe stand-in (tests/helpers/stripe-stand-in.ts serves it):
 * custom accounts, their bank accounts, transfers to them and payouts on them (a call on a
 * connected account carries the Stripe-Account header). Like Stripe it keeps only a bank
 * account's last 4, and refuses an account whose details are malformed; every
 * account-create body is recorded as sent, for tests to check the identity details. A payout starts `pending`; the test moves it (`movePayout`) as the bank
 * would and builds the webhook events about it.
 */
export function connectStandIn() {
  const accounts = new Map<string, Json & { external: Map<string, Json> }>();
  const transfers = new Map<string, Json>();
  const payouts = new Map<
    string,
    Json & { id: string; account: string; metadata: Record<string, string> }
  >();
  /** What the stand-in was sent for each bank account (as a check that the numbers arrived). */
  const bankAccountsReceived: { routingNumber: string; accountNumberLast4: string }[] = [];
  /** Every account-create request's form fields as sent (`individual[first_name]` …). */
  const accountCreateBodies: Record<string, string>[] = [];
  /** Every account-update request's form fields as sent, with the account and its key. */
  const accountUpdates: {
    account: string;
    idempotencyKey: string | undefined;
    body: Record<string, string>;
  }[] = [];
  /** What each account lists as due (nothing until a test says so, like `setRequirements`). */
  const requirements = new Map<
    string,
    { currently_due: string[]; eventually_due: string[]; past_due: string[] }
  >();
  let echoNextAccount = false;
  let echoNextUpdate = false;
  /** The code the next transfer is refused with (400), if any. */
  let refuseNextTransferWith: string | null = null;

  function createAccount(form: URLSearchParams): Answer {
    accountCreateBodies.push(Object.fromEntries(form));
    if (echoNextAccount) {
      echoNextAccount = false;
      // The worst an answer could do: quote every field it was sent.
      return refused('individual', `Could not verify the individual: ${form.toString()}`);
    }
    const refusal = refusalOfAccount(form);
    if (refusal) return refusal;
    const account = {
      id: idOf('acct'),
      object: 'account',
      type: form.get('type'),
      country: form.get('country'),
      business_type: form.get('business_type'),
      metadata: metadataOf(form),
      external: new Map<string, Json>(),
    };
    accounts.set(account.id, account);
    const { external: _hidden, ...visible } = account;
    return ok(visible);
  }

  function retrieveAccount(id: string): Answer {
    const account = accounts.get(id);
    if (!account) return missing('account');
    const { external: _hidden, ...visible } = account;
    const due = requirements.get(id) ?? { currently_due: [], eventually_due: [], past_due: [] };
    return ok({
      ...visible,
      requirements: {
        ...due,
        current_deadline: null,
        disabled_reason: null,
        errors: [],
        pending_verification: [],
      },
    });
  }

  /**
   * Like Stripe: an answered requirement leaves the lists (`individual.dob.day` is answered
   * by `individual[dob][day]`); what was not sent stays due.
   */
  function updateAccount(id: string, form: URLSearchParams, idempotencyKey?: string): Answer {
    const account = accounts.get(id);
    if (!account) return missing('account');
    accountUpdates.push({ account: id, idempotencyKey, body: Object.fromEntries(form) });
    if (echoNextUpdate) {
      echoNextUpdate = false;
      return refused(
        'individual[dob][year]',
        `Could not verify the individual: ${form.toString()}`,
      );
    }
    const refusal = refusalOfAccount(form);
    if (refusal) return refusal;
    const sent = [...form.keys()];
    const answered = (name: string) => {
      const [head, ...rest] = name.split('.');
      const param = head + rest.map((part) => `[${part}]`).join('');
      return sent.some((key) => key === param || key.startsWith(`${param}[`));
    };
    const due = requirements.get(id);
    if (due) {
      requirements.set(id, {
        currently_due: due.currently_due.filter((name) => !answered(name)),
        eventually_due: due.eventually_due.filter((name) => !answered(name)),
        past_due: due.past_due.filter((name) => !answered(name)),
      });
    }
    return retrieveAccount(id);
  }

  function createBankAccount(account: string, form: URLSearchParams): Answer {
    const payee = accounts.get(account);
    if (!payee) return missing('account');
    const accountNumber = form.get('external_account[account_number]') ?? '';
    const routingNumber = form.get('external_account[routing_number]') ?? '';
    if (!/^\d{9}$/.test(routingNumber) || accountNumber.length < 4) {
      return {
        status: 400,
        body: { error: { type: 'invalid_request_error', message: 'Invalid bank account' } },
      };
    }
    bankAccountsReceived.push({ routingNumber, accountNumberLast4: accountNumber.slice(-4) });
    const bank = {
      id: idOf('ba'),
      object: 'bank_account',
      account,
      routing_number: routingNumber,
      last4: accountNumber.slice(-4),
      account_holder_name: form.get('external_account[account_holder_name]'),
      status: 'new',
    };
    payee.external.set(bank.id, bank);
    return ok(bank);
  }

  function createPayout(account: string | undefined, form: URLSearchParams): Answer {
    const payee = account ? accounts.get(account) : undefined;
    if (!account || !payee) return missing('account');
    const destination = form.get('destination') ?? '';
    if (!payee.external.has(destination)) return missing('external_account', 'destination');
    const payout = {
      id: idOf('po'),
      object: 'payout',
      account,
      amount: Number(form.get('amount')),
      currency: form.get('currency'),
      destination,
      status: 'pending',
      failure_code: null,
      failure_message: null,
      metadata: metadataOf(form),
    };
    payouts.set(payout.id, payout);
    return ok(payout);
  }

  /** Answers a Connect request, or null when the path is not one of Connect's. */
  function route(
    method: string,
    path: string,
    form: URLSearchParams,
    stripeAccount: string | undefined,
    idempotencyKey?: string,
  ): Answer | null {
    const [, , resource, id, sub] = path.split('/');
    if (resource === 'accounts') {
      if (method === 'POST' && !id) return createAccount(form);
      if (method === 'POST' && sub === 'external_accounts') return createBankAccount(id, form);
      if (method === 'GET' && id && !sub) return retrieveAccount(id);
      if (method === 'POST' && id && !sub) return updateAccount(id, form, idempotencyKey);
      return missing('account');
    }
    if (method === 'POST' && resource === 'transfers' && !id) {
      if (!accounts.has(form.get('destination') ?? '')) {
        return missing(`destination: '${form.get('destination')}'`, 'destination');
      }
      if (refuseNextTransferWith) {
        const code = refuseNextTransferWith;
        refuseNextTransferWith = null;
        return {
          status: 400,
          body: { error: { type: 'invalid_request_error', code, message: `Refused: ${code}` } },
        };
      }
      const transfer = {
        id: idOf('tr'),
        object: 'transfer',
        amount: Number(form.get('amount')),
        currency: form.get('currency'),
        destination: form.get('destination'),
        transfer_group: form.get('transfer_group'),
      };
      transfers.set(transfer.id, transfer);
      return ok(transfer);
    }
    if (resource === 'payouts') {
      if (method === 'POST' && !id) return createPayout(stripeAccount, form);
      const payout = payouts.get(id);
      // A payout is found only on its own connected account.
      if (!payout || payout.account !== stripeAccount) return missing('payout');
      const { account: _account, ...visible } = payout;
      return ok(visible);
    }
    return null;
  }

  return {
    route,
    accounts,
    transfers,
    payouts,
    bankAccountsReceived,
    accountCreateBodies,
    accountUpdates,
    /** What the account lists as due from now on (read by accounts.retrieve). */
    setRequirements(
      accountId: string,
      due: { currentlyDue?: string[]; eventuallyDue?: string[]; pastDue?: string[] },
    ) {
      requirements.set(accountId, {
        currently_due: due.currentlyDue ?? [],
        eventually_due: due.eventuallyDue ?? due.currentlyDue ?? [],
        past_due: due.pastDue ?? [],
      });
    },
    /** The next account update is refused with a message quoting everything it was sent. */
    echoNextUpdate() {
      echoNextUpdate = true;
    },
    /** The connected account is deleted (from Stripe's dashboard, say): calls about it 404. */
    deleteAccount(accountId: string) {
      if (!accounts.delete(accountId)) throw new Error(`No account ${accountId}`);
    },
    /** A Connect `account.application.deauthorized` event: the account left the platform. */
    deauthorizedEvent(accountId: string): string {
      return JSON.stringify({
        id: idOf('evt'),
        object: 'event',
        type: 'account.application.deauthorized',
        account: accountId,
        api_version: '2026-10-28.endive',
        created: Math.floor(Date.now() / 1000),
        data: { object: { id: idOf('ca'), object: 'application', name: 'Workbridge' } },
      });
    },
    /** The next account-create request is refused with a message quoting what it was sent. */
    echoNextAccount() {
      echoNextAccount = true;
    },
    /**
     * The next transfer is refused (400) with this code: `insufficient_capabilities_for_transfer`
     * (the account cannot take transfers yet), `balance_insufficient` (the platform's balance).
     */
    refuseNextTransfer(code: string) {
      refuseNextTransferWith = code;
    },
    /** What the bank did: in_transit, paid, failed (with Stripe's failure message), canceled. */
    movePayout(payoutId: string, status: string, failureMessage: string | null = null) {
      const payout = payouts.get(payoutId);
      if (!payout) throw new Error(`No payout ${payoutId}`);
      Object.assign(payout, {
        status,
        failure_code: failureMessage ? 'account_closed' : null,
        failure_message: failureMessage,
      });
    },
    /**
     * A Connect `account.updated` event as Stripe sends it: the account with whether it pays
     * out and its requirements; `created` (Unix seconds) says when Stripe made the event.
     */
    accountEvent(
      accountId: string,
      status: {
        payoutsEnabled: boolean;
        currentlyDue?: string[];
        eventuallyDue?: string[];
        /** Unix seconds. */
        currentDeadline?: number | null;
        errors?: { requirement: string; code: string; reason: string }[];
        disabledReason?: string | null;
        created?: number;
      },
    ): string {
      const due = status.currentlyDue ?? [];
      return JSON.stringify({
        id: idOf('evt'),
        object: 'event',
        type: 'account.updated',
        account: accountId,
        api_version: '2026-10-28.endive',
        created: status.created ?? Math.floor(Date.now() / 1000),
        data: {
          object: {
            id: accountId,
            object: 'account',
            type: 'custom',
            country: 'US',
            charges_enabled: false,
            payouts_enabled: status.payoutsEnabled,
            requirements: {
              currently_due: due,
              eventually_due: status.eventuallyDue ?? due,
              past_due: status.payoutsEnabled ? [] : due,
              pending_verification: [],
              disabled_reason: status.disabledReason ?? null,
              current_deadline: status.currentDeadline ?? null,
              errors: status.errors ?? [],
            },
          },
          previous_attributes: { payouts_enabled: !status.payoutsEnabled },
        },
      });
    },
    /** A Connect webhook event about a payout, in the given status, as Stripe sends it. */
    payoutEvent(payoutId: string, type: string, status: string, failureMessage?: string): string {
      const payout = payouts.get(payoutId);
      if (!payout) throw new Error(`No payout ${payoutId}`);
      const { account, ...object } = payout;
      return JSON.stringify({
        id: idOf('evt'),
        object: 'event',
        type,
        account,
        api_version: '2026-10-28.endive',
        created: Math.floor(Date.now() / 1000),
        data: {
          object: { ...object, status, failure_message: failureMessage ?? object.failure_message },
        },
      });
    },
  };
}
