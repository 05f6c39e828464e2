import type { DbOrTx } from '@/db/client';
import { findOwnWithdrawal, withdrawalItemOf, type WithdrawalListItem } from './history';
import type { WithdrawalRow } from './queries';

export type WithdrawalStepName = 'requested' | 'processing' | 'paid' | 'failed' | 'returned';

/** One step of the withdrawal's way: when it happened, or null while it has not. */
export type WithdrawalStep = { name: WithdrawalStepName; at: Date | null };

/** What the list shows of it (withdrawalItemOf), and its steps. */
export type WithdrawalDetail = WithdrawalListItem & {
  /** Removed since: a retry has to choose another method. */
  isMethodRemoved: boolean;
  /** requested → processing → paid, or requested → (processing →) failed → returned. */
  steps: WithdrawalStep[];
};

/**
 * One of the freelancer's own withdrawals for its page (findOwnWithdrawal: anyone else's,
 * an unknown and a malformed id are all null, so the page cannot tell them apart either).
 */
export async function findWithdrawalDetail(
  db: DbOrTx,
  freelancerId: string,
  withdrawalId: string,
  timeZone = 'UTC',
): Promise<WithdrawalDetail | null> {
  const row = await findOwnWithdrawal(db, freelancerId, withdrawalId);
  if (!row) return null;
  return {
    ...withdrawalItemOf(row.withdrawal, row.method, timeZone),
    isMethodRemoved: row.removedAt !== null,
    steps: stepsOf(row.withdrawal),
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
