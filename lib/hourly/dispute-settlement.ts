import { and, asc, eq, gt, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { disputes, invoices } from '@/db/schema';
import { refundCharge } from '@/lib/billing/refunds';
import { now } from '@/lib/clock';
import { releaseToFreelancer } from '@/lib/earnings/release';
import { issueInvoice, type InvoiceRow } from '@/lib/invoices/issue';
import { accounts } from '@/lib/ledger/accounts';
import { postTransaction } from '@/lib/ledger/post';
import { feeCents } from '@/lib/money/money';
import { selectPaymentProvider } from '@/lib/payments/select';
import { postFeeOnly } from './review';
import { availableAfterApproval, isoWeekOf, weekStartFromDate } from './week';

export type DisputeRow = typeof disputes.$inferSelect;
export type Resolution = NonNullable<DisputeRow['resolution']>;

/**
 * Ends a dispute and moves its money, in the caller's transaction (which holds the
 * dispute's row lock and has checked it is open): the refund goes from the contract's
 * in_review back to client funding with a credit note for it; the rest of the disputed
 * amount is released to the freelancer (fee = fee of the disputed amount − fee of the
 * refund, so the parts add up to the invoice), available 5 days after the decision. The
 * card refund at the provider follows the commit (sendDisputeRefunds).
 */
export async function settleDispute(
  tx: Tx,
  dispute: DisputeRow,
  invoice: InvoiceRow,
  decision: {
    resolution: Resolution;
    refundCents: number;
    resolvedBy: string | null;
    note: string | null;
    at: Date;
  },
): Promise<void> {
  const { refundCents, at } = decision;
  if (
    !Number.isSafeInteger(refundCents) ||
    refundCents < 0 ||
    refundCents > dispute.disputedCents
  ) {
    throw new Error('A dispute refunds between nothing and the disputed amount.');
  }
  const [resolved] = await tx
    .update(disputes)
    .set({
      status: 'resolved',
      resolution: decision.resolution,
      refundCents,
      resolvedBy: decision.resolvedBy,
      resolvedAt: at,
      resolutionNote: decision.note,
    })
    .where(and(eq(disputes.id, dispute.id), eq(disputes.status, dispute.status)))
    .returning();
  if (!resolved) throw new Error(`Dispute ${dispute.id} changed under its lock.`);

  const source = { type: 'dispute', id: dispute.id };
  const week = isoWeekOf(weekStartFromDate(invoice.weekStart!));
  if (refundCents > 0) {
    await postTransaction(tx, {
      key: `dispute:${dispute.id}:refund`,
      source,
      kind: 'refund',
      memo: `Disputed time of ${week} refunded`,
      entries: [
        {
          account: accounts.inReview(invoice.contractId),
          cents: -refundCents,
          currency: invoice.currency,
        },
        { account: accounts.clientFunding(), cents: refundCents, currency: invoice.currency },
      ],
    });
    await issueInvoice(tx, {
      kind: 'credit_note',
      contractId: invoice.contractId,
      workspaceId: invoice.workspaceId,
      freelancerId: invoice.freelancerId,
      currency: invoice.currency,
      feeBps: invoice.feeBps,
      creditsInvoiceId: invoice.id,
      paymentStatus: 'paid',
      description: `Credit for disputed time of ${week} (${invoice.number})`,
      lines: [
        { description: `Disputed time refunded (${invoice.number})`, amountCents: refundCents },
      ],
    });
  }
  const paidCents = dispute.disputedCents - refundCents;
  if (paidCents > 0) {
    const fee =
      feeCents(dispute.disputedCents, invoice.feeBps) - feeCents(refundCents, invoice.feeBps);
    const key = `dispute:${dispute.id}:release`;
    if (paidCents - fee > 0) {
      await releaseToFreelancer(tx, {
        key,
        source,
        contractId: invoice.contractId,
        freelancerId: invoice.freelancerId,
        from: accounts.inReview(invoice.contractId),
        grossCents: paidCents,
        feeCents: fee,
        currency: invoice.currency,
        availableAt: availableAfterApproval(at),
        memo: `Disputed time of ${week} paid`,
      });
    } else {
      await postFeeOnly(tx, key, source, invoice.contractId, paidCents, invoice.currency);
    }
  }
}

const UNSENT: SQL = and(
  gt(disputes.refundCents, 0),
  isNull(disputes.providerRefundRef),
  isNotNull(invoices.chargeId),
)!;

/**
 * Sends the card refunds of settled disputes to the provider (after the settlement's
 * commit), once each: the key `dispute:<id>:refund` makes a resend the same refund there,
 * and the ref is recorded. A provider error is left for the next tick's sweep.
 */
export async function sendDisputeRefunds(
  db: Db,
  disputeIds?: string[],
  limit = 50,
): Promise<number> {
  const rows = await db
    .select({ dispute: disputes, chargeId: invoices.chargeId })
    .from(disputes)
    .innerJoin(invoices, eq(invoices.id, disputes.invoiceId))
    .where(disputeIds ? and(UNSENT, inArray(disputes.id, disputeIds)) : UNSENT)
    .orderBy(asc(disputes.resolvedAt))
    .limit(limit);
  if (rows.length === 0) return 0;
  const provider = selectPaymentProvider(db);
  let sent = 0;
  for (const { dispute, chargeId } of rows) {
    try {
      const refunded = await refundCharge(db, provider, {
        chargeId: chargeId!,
        amountCents: dispute.refundCents!,
        idempotencyKey: `dispute:${dispute.id}:refund`,
      });
      if (!refunded.ok) {
        console.error(`[disputes] refund of dispute ${dispute.id}: ${refunded.message}`);
        continue;
      }
      await db
        .update(disputes)
        .set({ providerRefundRef: refunded.ref })
        .where(and(eq(disputes.id, dispute.id), isNull(disputes.providerRefundRef)));
      sent += 1;
    } catch (error) {
      console.error(`[disputes] refund of dispute ${dispute.id} failed:`, (error as Error).message);
    }
  }
  return sent;
}

/** Tick step: card refunds that did not reach the provider after their settlement. */
export const sendUnsentDisputeRefunds = (db: Db, _at: Date = now()) => sendDisputeRefunds(db);
