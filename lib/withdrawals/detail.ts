import type { DbOrTx } from '@/db/client';
import { methodTitle } from '@/lib/payouts/present';
import { findOwnWithdrawal, fixFor } from './history';
import type { WithdrawalRow } from './queries';

export type WithdrawalStepName = 'requested' | 'processing' | 'paid' | 'failed' | 'returned';

/** One step of the withdrawal's way: when it happened, or null while it has not. */
export type WithdrawalStep = { name: WithdrawalStepName; at: Date | null };

export type WithdrawalDetail = Pick<
  WithdrawalRow,
  'id' | 'status' | 'amountCents' | 'feeCents' | 'currency' | 'failureReason'
> & {
  /** "US bank account (checking) ending 6789", "PayPal a•••@example.com": last four only. */
  method: string;
  /** Removed since: a retry has to choose another method. */
  isMethodRemoved: boolean;
  /** requested → processing → paid, or requested → (processing →) failed → returned. */
  steps: WithdrawalStep[];
  /** For a returned one: what to fix before trying again. */
  fix: string | null;
};

/**
 * One of the freelancer's own withdrawals for its page (findOwnWithdrawal: anyone else's,
 * an unknown and a malformed id are all null, so the page cannot tell them apart either).
 */
export async function findWithdrawalDetail(
  db: DbOrTx,
  freelancerId: string,
  withdrawalId: string,
): Promise<WithdrawalDetail | null> {
  const row = await findOwnWithdrawal(db, freelancerId, withdrawalId);
  if (!row) return null;
  const w = row.withdrawal;
  const method = methodTitle(row.method);
  return {
    id: w.id,
    status: w.status,
    amountCents: w.amountCents,
    feeCents: w.feeCents,
    currency: w.currency,
    failureReason: w.failureReason,
    method,
    isMethodRemoved: row.removedAt !== null,
    steps: stepsOf(w),
    fix: w.status === 'returned' ? fixFor(w.failureReason, method) : null,
  };
}

/**
 * The steps as the state machine (settle.ts) takes them. A failure and its return are one
 * transaction, so both carry the same time; one returned before it was sent (its method was
 * removed) never reached processing, and that step is left out rather than shown as "not yet".
 */
function stepsOf(w: WithdrawalRow): WithdrawalStep[] {
  const requested: WithdrawalStep = { name: 'requested', at: w.requestedAt };
  if (w.status === 'failed' || w.status === 'returned') {
    return [
      requested,
      ...(w.submittedAt ? [{ name: 'processing' as const, at: w.submittedAt }] : []),
      { name: 'failed', at: w.failedAt },
      { name: 'returned', at: w.returnedAt },
    ];
  }
  return [
    requested,
    // A payout paid at its first answer is given its submitted time then too (settle.ts).
    { name: 'processing', at: w.submittedAt },
    { name: 'paid', at: w.paidAt },
  ];
}
