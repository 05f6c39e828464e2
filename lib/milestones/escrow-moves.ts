// The two ways money leaves a milestone's escrow (MONEY-KEYS: milestone released / refunded),
// posted with the milestone's keys so neither can happen twice, nor both.
import type { DbOrTx, Tx } from '@/db/client';
import { releaseToFreelancer } from '@/lib/earnings/release';
import { issueInvoice, type InvoiceRow } from '@/lib/invoices/issue';
import { accounts } from '@/lib/ledger/accounts';
import { postTransaction } from '@/lib/ledger/post';
import type { ContractRow } from '@/lib/contracts/access';
import { findFundingInvoice } from './queries';
import type { MilestoneRow, MilestoneStateRow } from './work-state';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Released milestone money becomes available this long after the release. */
export const RELEASE_HOLD_MS = 5 * DAY_MS;

export const releaseKeyOf = (milestoneId: string) => `milestone:${milestoneId}:release`;
export const refundKeyOf = (milestoneId: string) => `milestone:${milestoneId}:refund`;

/** What escrow holds for the milestone and the fee stored for it, computed once at funding. */
export async function fundedAmounts(tx: DbOrTx, state: MilestoneStateRow) {
  const invoice = await findFundingInvoice(tx, state.milestoneId);
  const grossCents = state.fundedCents ?? invoice?.grossCents;
  const feeCents = state.feeCents ?? invoice?.feeCents;
  if (grossCents === undefined || feeCents === undefined) {
    throw new Error(`Milestone ${state.milestoneId} has no funding to move.`);
  }
  return { invoice, grossCents, feeCents, currency: invoice?.currency ?? 'USD' };
}

/** Escrow → the fee to the platform, the net to the freelancer's pending, available 5 days on. */
export async function releaseMilestoneEscrow(
  tx: Tx,
  contract: ContractRow,
  state: MilestoneStateRow,
  at: Date,
): Promise<void> {
  if (!contract.freelancerId) throw new Error('A contract without a freelancer releases nothing.');
  const funded = await fundedAmounts(tx, state);
  await releaseToFreelancer(tx, {
    key: releaseKeyOf(state.milestoneId),
    source: { type: 'milestone', id: state.milestoneId },
    contractId: contract.id,
    freelancerId: contract.freelancerId,
    from: accounts.escrow(contract.id),
    grossCents: funded.grossCents,
    feeCents: funded.feeCents,
    currency: funded.currency,
    availableAt: new Date(at.getTime() + RELEASE_HOLD_MS),
    memo: 'Milestone released',
  });
}

/**
 * Escrow → client funding in the ledger, and a credit note against the funding invoice.
 * The provider's refund of the card charge follows the commit (refundCharge, same key).
 */
export async function refundMilestoneEscrow(
  tx: Tx,
  contract: ContractRow,
  milestone: MilestoneRow,
  state: MilestoneStateRow,
): Promise<InvoiceRow | null> {
  const funded = await fundedAmounts(tx, state);
  await postTransaction(tx, {
    key: refundKeyOf(state.milestoneId),
    source: { type: 'milestone', id: state.milestoneId },
    kind: 'refund',
    memo: 'Milestone refunded',
    entries: [
      {
        account: accounts.escrow(contract.id),
        cents: -funded.grossCents,
        currency: funded.currency,
      },
      { account: accounts.clientFunding(), cents: funded.grossCents, currency: funded.currency },
    ],
  });
  if (!funded.invoice || !contract.freelancerId) return null;
  return issueInvoice(tx, {
    kind: 'credit_note',
    contractId: contract.id,
    workspaceId: contract.workspaceId,
    freelancerId: contract.freelancerId,
    currency: funded.currency,
    feeBps: funded.invoice.feeBps,
    creditsInvoiceId: funded.invoice.id,
    milestoneId: milestone.id,
    description: `Refund of milestone “${milestone.description}”`,
    paymentStatus: 'paid',
    lines: [{ description: `Refund: ${milestone.description}`, amountCents: funded.grossCents }],
  });
}
