/**
 * What the app asks of a payout provider (money out to a freelancer's method). Generic like
 * provider.ts: it knows destinations and payouts, never withdrawals. Implementations: the
 * simulated provider (simulated-payouts.ts, the default) and Stripe Connect for US bank
 * accounts (stripe-payouts.ts); select.ts routes each method kind to one of them.
 */
export type PayoutProviderName = 'simulated' | 'stripe';

export type PayoutStatus = 'processing' | 'paid' | 'failed';

/**
 * The provider refused a request and, by its own rules, made nothing (Stripe: a 400 or 404
 * answer to a request it did not carry out), so sending it again would be refused the same
 * way: the withdrawal can go back to the freelancer at once. Any other error may hide a
 * payout the provider did make, so the caller sends it again under the same key.
 */
export class PayoutRefusedError extends Error {
  override readonly name: string = 'PayoutRefusedError';
}

/**
 * The payee the payout was for no longer exists at the provider (Stripe: the connected
 * account was deleted, `resource_missing`): refused like any PayoutRefusedError, and the
 * caller forgets that payee, so the method's next payout registers a new one.
 */
export class PayeeGoneError extends PayoutRefusedError {
  override readonly name = 'PayeeGoneError';
  constructor(
    message: string,
    readonly payeeRef: string,
  ) {
    super(message);
  }
}

export type PayoutState = { ref: string; status: PayoutStatus; failureReason: string | null };

export type PayoutKind = 'us_bank' | 'iban' | 'paypal' | 'payoneer';

/** Where the money goes, as much as a provider needs to know here (never a full number). */
export type PayoutDestination = {
  kind: PayoutKind;
  /** The PayPal or Payoneer email, or the account holder's name for a bank. */
  label: string;
  last4: string;
  /**
   * A US bank account's numbers, for a provider that registers the account itself (Stripe
   * Connect). The account number is decrypted only when called, so it lives in memory for
   * one request and is never part of an object anyone could log.
   */
  usBank?: {
    routingNumber: string;
    accountType: 'checking' | 'savings';
    revealAccountNumber: () => string;
  };
  /** Where this provider was told to pay this method before (see registerDestination). */
  registered?: RegisteredDestination | null;
};

/**
 * The person a provider opens a payee for (Stripe Connect: the connected account's
 * individual), from what the freelancer gave us: basic info, a US W-9's address, SSN and
 * (optional) date of birth, their public profile and their acceptance of the terms. Null
 * where we do not hold it.
 */
export type Payee = {
  firstName: string | null;
  lastName: string | null;
  email: string;
  /** E.164, as basic info keeps it. */
  phone: string | null;
  /** A US W-9's address (its state code and ZIP were checked when it was saved). */
  usAddress: {
    line1: string;
    line2: string | null;
    city: string;
    state: string;
    postalCode: string;
  } | null;
  /**
   * The Social Security number of a US W-9: its taxpayer id when that is an SSN, or the
   * person's own SSN given beside an EIN (optional there; never for a W-8BEN), decrypted
   * only when called, like `usBank.revealAccountNumber`: only the request that
   * sends it calls it, so it is never part of an object anyone could log.
   */
  revealSsn: (() => string) | null;
  /**
   * The date of birth of a US W-9 given with one (it is optional), decrypted only when
   * called, like `revealSsn`: only the request that sends it (Stripe's `individual.dob`)
   * calls it.
   */
  revealDateOfBirth: (() => { day: number; month: number; year: number }) | null;
  /** The profile's title, and its address when the profile is public (anyone may open it). */
  profile: { title: string | null; publicUrl: string | null };
  /** When and from which address the terms of service were accepted, if we hold both. */
  termsAccepted: { at: Date; ip: string } | null;
};

/** A provider's own ids for a payee and their account (Stripe: acct_… and ba_…). */
export type RegisteredDestination = { payeeRef: string; ref: string };

/**
 * What a provider says about a payee it registered (Stripe: a connected account's
 * `account.updated`): whether it pays out, what it still needs, why it stopped. The names
 * in `requirementsDue` are the provider's own (Stripe's `individual.dob.day` …).
 */
export type PayeeStatus = {
  payeeRef: string;
  payoutsEnabled: boolean;
  requirementsDue: string[];
  /** What it will need later (Stripe: `requirements.eventually_due`). */
  eventuallyDue: string[];
  /** By when what is due now must be given, or null without a deadline. */
  deadline: Date | null;
  /**
   * What the provider refused in what it was given: the requirement's name and the
   * provider's code only, never its free-text reason (which could quote the value).
   */
  errors: PayeeRequirementError[];
  disabledReason: string | null;
  /** When the provider said so (the event's time), to drop an event older than what is kept. */
  asOf: Date;
};

export type PayeeRequirementError = { requirement: string; code: string };

/**
 * What `updatePayee` sent: the provider's names of the requirements it answered (Stripe's
 * `individual.dob`, `individual.address` …), empty when nothing it lists as due is held here.
 */
export type PayeeUpdate = { sent: string[] };

/**
 * A verified provider event: about a payout (`payoutRef` and `state`), about a payee
 * (`payee`, or `closedPayeeRef` when it is gone), or about neither (acknowledged and ignored).
 */
export type PayoutEvent = {
  id: string;
  type: string;
  payoutRef: string | null;
  /** The idempotency key the payout was created under (its metadata), if the event has one. */
  idempotencyKey: string | null;
  state: PayoutState | null;
  payee: PayeeStatus | null;
  /** A payee the provider says is gone (Stripe: `account.application.deauthorized`). */
  closedPayeeRef: string | null;
};

export interface PayoutProvider {
  readonly name: PayoutProviderName;
  /**
   * Providers that pay only to a destination registered with them first (Stripe Connect: a
   * connected account and its bank account). The caller stores the answer and passes it as
   * `destination.registered` from then on; `payeeRef` is an existing payee of the same person
   * to add the account to, and `payee` who they are, for a new payee. Idempotent under the key.
   */
  registerDestination?(input: {
    idempotencyKey: string;
    payeeRef: string | null;
    payee: Payee;
    destination: PayoutDestination;
  }): Promise<RegisteredDestination>;
  /**
   * Gives an existing payee the details it still asks for (Stripe: `accounts.update` with
   * only the fields the account lists as currently, eventually or past due that `payee`
   * holds), never anything it did not ask for: a verified detail sent again can send the
   * payee back to verification. Idempotent: the same details to the same payee are one
   * update. A refusal names only the field (PayoutRefusedError for good; PayeeGoneError
   * when the payee is gone); any other error may be retried. Providers without payees of
   * their own (the simulated one) have nothing to update.
   */
  updatePayee?(input: { payeeRef: string; payee: Payee }): Promise<PayeeUpdate>;
  /**
   * Sends a payout. The same idempotency key always means the same payout: a call repeated
   * after a timeout gets the first one's state, never a second payout. A network or provider
   * error throws (the caller resends with the same key); a refusal before any money moved
   * throws PayoutRefusedError (the caller gives the money back).
   */
  createPayout(input: {
    idempotencyKey: string;
    amountCents: number;
    currency: string;
    destination: PayoutDestination;
  }): Promise<PayoutState>;
  readPayout(ref: string): Promise<PayoutState>;
}

/** Which provider pays each method kind, and the one that made a given payout. */
export interface PayoutRouting {
  forKind(kind: PayoutKind): PayoutProvider;
  named(name: string | null): PayoutProvider | null;
}

/** One provider for every kind (tests, and the default without Stripe), or a routing. */
export type PayoutProviders = PayoutProvider | PayoutRouting;

export function routingOf(providers: PayoutProviders): PayoutRouting {
  if ('forKind' in providers) return providers;
  return {
    forKind: () => providers,
    named: (name) => (name === providers.name ? providers : null),
  };
}
