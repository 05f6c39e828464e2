// A contract's ending and the funding charges still to be retried (issue 16: no money may
// land in the escrow of an ended contract).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { invoices, milestones, paymentCharges } from '@/db/schema';
import { cancelChargeRetries } from '@/lib/billing/charges';
import { formatLongDateTime } from '@/lib/dates/format';
import { recordMilestoneStep } from './history';
import { MILESTONE_FUNDING_SOURCE } from './queries';

export type FundingRetriesAtEnding =
  { ok: true; cancelled: number } | { ok: false; position: number };

/**
 * In the ending's transaction: the funding charges of the contract's milestones, locked.
 * One still on its way to the card (a retry being sent, or processing) refuses the ending
 * with its milestone's position (it would land in escrow afterwards, like a `funding`
 * milestone); the scheduled retries of declined ones are cancelled (the charge stays
 * failed, the milestone unfunded), each written to its milestone's history and audit.
 */
export async function cancelFundingRetriesAtEnding(
  tx: Tx,
  input: { contractId: string; actorId: string; ip?: string | null },
): Promise<FundingRetriesAtEnding> {
  const rows = await tx
    .select({ charge: paymentCharges, milestone: milestones })
    .from(paymentCharges)
    .innerJoin(invoices, sql`${invoices.id}::text = ${paymentCharges.sourceId}`)
    .innerJoin(milestones, eq(milestones.id, invoices.milestoneId))
    .where(
      and(
        eq(paymentCharges.sourceType, MILESTONE_FUNDING_SOURCE),
        eq(invoices.contractId, input.contractId),
        eq(invoices.kind, 'milestone'),
        inArray(paymentCharges.status, ['requested', 'processing', 'failed']),
      ),
    )
    .orderBy(asc(milestones.position))
    .for('update', { of: paymentCharges });
  const inFlight = rows.find((r) => r.charge.status !== 'failed');
  if (inFlight) return { ok: false, position: inFlight.milestone.position };
  const cancelled = await cancelChargeRetries(
    tx,
    rows.filter((r) => r.charge.nextAttemptAt !== null).map((r) => r.charge.id),
  );
  for (const charge of cancelled) {
    const { milestone, charge: before } = rows.find((r) => r.charge.id === charge.id)!;
    await recordMilestoneStep(tx, {
      milestoneId: milestone.id,
      contractId: input.contractId,
      type: 'funding_failed',
      actorId: input.actorId,
      ip: input.ip,
      message: `The contract ended: the card retry due ${formatLongDateTime(before.nextAttemptAt!)} was cancelled. Nothing was charged.`,
      detail: `charge ${charge.id}: retry cancelled at the contract's ending`,
    });
  }
  return { ok: true, cancelled: cancelled.length };
}
