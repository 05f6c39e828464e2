/**
 * What a ledger transaction does. Text in the database (with a shape check), a closed list
 * here: a new money movement adds its kind to this list.
 */
export const LEDGER_KINDS = [
  /** A client's payment method charged: world:client_funding → in_review or escrow. */
  'charge',
  /** Money leaves review or escrow: the net to pending, the fee to platform:service_fees. */
  'release',
  /** A service fee taken in a transaction of its own. */
  'fee',
  /** Money goes back to the client. */
  'refund',
  /** A bonus paid on a contract. */
  'bonus',
  /** Pending money becomes available. */
  'availability',
  /** A withdrawal requested: available → withdrawing (and its fee). */
  'withdrawal',
  /** A withdrawal's fee, when taken apart from the withdrawal. */
  'withdrawal_fee',
  /** A withdrawal paid out: withdrawing → world:payouts. */
  'payout',
  /** A payout that failed: the amount and its fee back to available. */
  'payout_return',
] as const;

export type LedgerKind = (typeof LEDGER_KINDS)[number];

export function isLedgerKind(value: string): value is LedgerKind {
  return (LEDGER_KINDS as readonly string[]).includes(value);
}
