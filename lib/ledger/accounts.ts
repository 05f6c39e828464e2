/**
 * The chart of accounts (SPEC 4.A). Account codes are built here and nowhere else, so a
 * typo cannot open an account no rule knows; the database checks the same shapes
 * (ledger_account_code_known).
 */

export type AccountCode =
  | 'world:client_funding'
  | 'world:payouts'
  | 'platform:service_fees'
  | 'platform:withdrawal_fees'
  | `contract:${string}:${'in_review' | 'escrow'}`
  | `freelancer:${string}:${'pending' | 'available' | 'withdrawing'}`;

// Lower case only: the database checks account codes the same way (ledger_account_code_known).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function owner(id: string): string {
  if (!UUID.test(id)) throw new Error(`A ledger account belongs to a uuid, not "${id}".`);
  return id;
}

export const accounts = {
  /** Money coming in from clients' payment methods. */
  clientFunding: (): AccountCode => 'world:client_funding',
  /** Money leaving to freelancers' payout methods. */
  payouts: (): AccountCode => 'world:payouts',
  serviceFees: (): AccountCode => 'platform:service_fees',
  withdrawalFees: (): AccountCode => 'platform:withdrawal_fees',
  /** An hourly invoice charged and waiting for the client's review. */
  inReview: (contractId: string): AccountCode => `contract:${owner(contractId)}:in_review`,
  /** Funded milestones not yet released. */
  escrow: (contractId: string): AccountCode => `contract:${owner(contractId)}:escrow`,
  /** Released to the freelancer, not yet available. */
  pending: (freelancerId: string): AccountCode => `freelancer:${owner(freelancerId)}:pending`,
  available: (freelancerId: string): AccountCode => `freelancer:${owner(freelancerId)}:available`,
  withdrawing: (freelancerId: string): AccountCode =>
    `freelancer:${owner(freelancerId)}:withdrawing`,
};

/** Only money entering and leaving the platform may run negative. */
export function mayGoNegative(code: string): boolean {
  return code.startsWith('world:');
}

/**
 * Whether ledger_post keeps the account's balance in ledger_balance: contract and freelancer
 * accounts, not the world: and platform: ones every posting touches. The same test is the
 * pattern '^(contract|freelancer):' in migration ledger_balances (ledger_post, the table's
 * check); ledger:check compares every kept balance with its entries.
 */
export function isKeptBalance(code: string): boolean {
  return code.startsWith('contract:') || code.startsWith('freelancer:');
}

/** The freelancer's three accounts. */
export function freelancerAccounts(freelancerId: string): AccountCode[] {
  return [
    accounts.pending(freelancerId),
    accounts.available(freelancerId),
    accounts.withdrawing(freelancerId),
  ];
}

export function contractAccounts(contractId: string): AccountCode[] {
  return [accounts.inReview(contractId), accounts.escrow(contractId)];
}
