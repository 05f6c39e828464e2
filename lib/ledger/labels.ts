// How the ledger's kinds and accounts read on a page; no database here, so UI may import it.
import type { AccountCode } from './accounts';
import type { LedgerKind } from './kinds';

const KIND_LABELS: Record<LedgerKind, string> = {
  charge: 'Charge',
  release: 'Payment released',
  fee: 'Service fee',
  refund: 'Refund',
  bonus: 'Bonus',
  availability: 'Now available',
  withdrawal: 'Withdrawal',
  withdrawal_fee: 'Withdrawal fee',
  payout: 'Paid out',
  payout_return: 'Payout returned',
};

export function describeKind(kind: LedgerKind): string {
  return KIND_LABELS[kind];
}

/** "Pending", "Available", "In review" …: the account's part of the chart, in words. */
export function describeAccount(code: AccountCode): string {
  const part = code.split(':').at(-1) ?? code;
  return part.replace('_', ' ').replace(/^./, (c) => c.toUpperCase());
}
