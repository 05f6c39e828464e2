import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { contracts, disputeEntries, disputes, invoices } from '@/db/schema';
import { recordAudit } from '@/lib/audit/log';
import { now } from '@/lib/clock';
import { formatDateAndTime } from '@/lib/dates/format';
import type { InvoiceRow } from '@/lib/invoices/issue';
import { formatMoney } from '@/lib/money/money';
import { listInvoicedEntries } from './entry-amounts';
import { settleDispute, sendDisputeRefunds, type DisputeRow } from './dispute-settlement';
import { disputePath, findParties, sendReviewNotice } from './review-emails';
import type { AnswerDisputeInput, DecideDisputeInput } from './review-schemas';
import { reviewClosedReason, UNKNOWN_INVOICE, type ReviewRefusal } from './review';
import { addBusinessDays } from './week';

export type { DisputeRow };

/** The same answer for an unknown dispute and for one the caller has no part in. */
export const UNKNOWN_DISPUTE: ReviewRefusal = {
  ok: false,
  reason: 'not-found',
  message: 'This dispute does not exist, or it is not yours to answer.',
};

const day = (at: Date) => formatDateAndTime(at);

/**
 * The client disputes chosen entries of a week under review, with a reason: one dispute
 * per invoice, only entries billed on it, only before Friday 23:59 UTC and before any
 * approval. The disputed gross is the entries' share of the invoice (entry-amounts.ts). It
 * pauses new time (lib/hourly/pause.ts reads an unresolved dispute) and gives the
 * freelancer 3 business days to answer.
 */
export async function openDispute(
  db: Db,
  input: {
    workspaceId: string;
    userId: string;
    contractId: string;
    invoiceId: string;
    entryIds: string[];
    reason: string;
    ip?: string;
  },
  at: Date = now(),
): Promise<{ ok: true; disputeId: string } | ReviewRefusal> {
  return db.transaction(async (tx) => {
    const [invoice] = await tx
      .select()
      .from(invoices)
      .where(
        and(
          eq(invoices.id, input.invoiceId),
          eq(invoices.contractId, input.contractId),
          eq(invoices.kind, 'hourly'),
        ),
      )
      .for('update');
    if (!invoice || invoice.workspaceId !== input.workspaceId) return UNKNOWN_INVOICE;
    const closed = reviewClosedReason(invoice, at);
    if (closed) return { ok: false as const, reason: 'closed', message: closed };
    const [existing] = await tx
      .select({ id: disputes.id })
      .from(disputes)
      .where(eq(disputes.invoiceId, invoice.id));
    if (existing) {
      return { ok: false as const, reason: 'exists', message: 'This week is already disputed.' };
    }
    const chosen = await chosenEntries(tx, invoice, input.entryIds);
    if (!chosen) {
      return {
        ok: false as const,
        reason: 'entry',
        message: 'An entry you chose is not billed on this invoice.',
      };
    }
    const disputedCents = Math.min(
      invoice.grossCents,
      chosen.reduce((sum, entry) => sum + entry.amountCents, 0),
    );
    if (disputedCents <= 0) {
      return {
        ok: false as const,
        reason: 'entry',
        message: 'The entries you chose bill nothing.',
      };
    }
    const [dispute] = await tx
      .insert(disputes)
      .values({
        invoiceId: invoice.id,
        contractId: invoice.contractId,
        openedBy: input.userId,
        reason: input.reason,
        disputedCents,
        answerDueAt: addBusinessDays(at, 3),
        createdAt: at,
      })
      .returning();
    await tx.insert(disputeEntries).values(
      chosen.map((entry) => ({
        disputeId: dispute.id,
        timeEntryId: entry.id,
        minutes: entry.minutes,
        amountCents: entry.amountCents,
      })),
    );
    await recordAudit(tx, {
      actorId: input.userId,
      action: 'dispute.opened',
      targetType: 'dispute',
      targetId: dispute.id,
      ip: input.ip,
      detail: `${chosen.length} entries of ${invoice.number}, ${formatMoney(disputedCents, invoice.currency)}`,
    });
    const parties = await findParties(tx, invoice.contractId);
    await sendReviewNotice(tx, {
      to: parties.freelancerEmail,
      firstName: parties.freelancerFirstName,
      template: 'dispute-opened',
      heading: `${parties.clientName} disputed time on “${parties.title}”`,
      paragraphs: [
        `${parties.clientName} disputed ${chosen.length} ${chosen.length === 1 ? 'entry' : 'entries'} (${formatMoney(disputedCents, invoice.currency)}) of invoice ${invoice.number}: “${input.reason}”`,
        `Answer by ${day(dispute.answerDueAt)}: refund all, refund part, or reject (ops then decides). Without an answer the disputed amount goes back to the client. New time on this contract is paused until the dispute is resolved.`,
      ],
      buttonLabel: 'Answer the dispute',
      path: disputePath(invoice.contractId, dispute.id),
    });
    return { ok: true as const, disputeId: dispute.id };
  });
}

/** The chosen entries with their share of the invoice, or null if one is not billed on it. */
async function chosenEntries(tx: Tx, invoice: InvoiceRow, entryIds: string[]) {
  const [contract] = await tx
    .select({ weeklyLimitHours: contracts.weeklyLimitHours })
    .from(contracts)
    .where(eq(contracts.id, invoice.contractId));
  const billed = await listInvoicedEntries(tx, invoice.id, contract.weeklyLimitHours);
  const wanted = new Set(entryIds);
  const chosen = billed.filter((entry) => wanted.has(entry.id) && entry.minutes > 0);
  return chosen.length === wanted.size ? chosen : null;
}

async function lockDispute(tx: Tx, disputeId: string) {
  const [row] = await tx.select().from(disputes).where(eq(disputes.id, disputeId)).for('update');
  if (!row) return null;
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, row.invoiceId));
  return { dispute: row, invoice };
}

/**
 * The freelancer answers before the deadline: refund all, refund part (up to the disputed
 * amount), or reject with a reason, which sends it to ops with 4 business days to decide.
 * Only the contract's own freelancer may answer, and only while it awaits them.
 */
export async function answerDispute(
  db: Db,
  input: AnswerDisputeInput & { freelancerId: string; ip?: string },
  at: Date = now(),
): Promise<{ ok: true; contractId: string } | ReviewRefusal> {
  const result = await db.transaction(async (tx) => {
    const locked = await lockDispute(tx, input.disputeId);
    if (!locked || locked.invoice.freelancerId !== input.freelancerId) return UNKNOWN_DISPUTE;
    const { dispute, invoice } = locked;
    if (dispute.status !== 'awaiting_freelancer') {
      return { ok: false as const, reason: 'state', message: 'This dispute was already answered.' };
    }
    if (dispute.answerDueAt <= at) {
      return {
        ok: false as const,
        reason: 'late',
        message: 'The time to answer has passed: the disputed amount goes back to the client.',
      };
    }
    const parties = await findParties(tx, dispute.contractId);
    const notice = {
      to: parties.clientEmail,
      firstName: parties.clientName,
      buttonLabel: 'See the dispute',
      path: disputePath(dispute.contractId, dispute.id),
    };
    if (input.answer === 'reject') {
      const opsDueAt = addBusinessDays(at, 4);
      await tx
        .update(disputes)
        .set({
          status: 'awaiting_ops',
          freelancerAnswer: input.reason!,
          answeredAt: at,
          opsDueAt,
        })
        .where(eq(disputes.id, dispute.id));
      await recordAudit(tx, {
        actorId: input.freelancerId,
        action: 'dispute.rejected',
        targetType: 'dispute',
        targetId: dispute.id,
        ip: input.ip,
        detail: 'Rejected by the freelancer: to ops',
      });
      await sendReviewNotice(tx, {
        ...notice,
        template: 'dispute-rejected',
        heading: `The freelancer rejected your dispute on “${parties.title}”`,
        paragraphs: [
          `${parties.freelancerFirstName} rejected your dispute of invoice ${invoice.number}: “${input.reason}”`,
          `Our operations team decides by ${day(opsDueAt)} and tells you both.`,
        ],
      });
      return { ok: true as const, contractId: dispute.contractId };
    }
    const refundCents = input.answer === 'refund_all' ? dispute.disputedCents : input.amount!;
    if (refundCents > dispute.disputedCents) {
      return {
        ok: false as const,
        reason: 'amount',
        message: `Refund at most the disputed ${formatMoney(dispute.disputedCents, invoice.currency)}.`,
      };
    }
    await settleDispute(tx, dispute, invoice, {
      resolution: refundCents === dispute.disputedCents ? 'refunded_all' : 'refunded_part',
      refundCents,
      resolvedBy: input.freelancerId,
      note: input.reason || null,
      at,
    });
    await tx
      .update(disputes)
      .set({ freelancerAnswer: input.reason || null, answeredAt: at })
      .where(eq(disputes.id, dispute.id));
    await recordAudit(tx, {
      actorId: input.freelancerId,
      action: 'dispute.refund_offered',
      targetType: 'dispute',
      targetId: dispute.id,
      ip: input.ip,
      detail: `Refunded ${formatMoney(refundCents, invoice.currency)} of ${formatMoney(dispute.disputedCents, invoice.currency)}`,
    });
    await sendReviewNotice(tx, {
      ...notice,
      template: 'dispute-refunded',
      heading: `Your dispute on “${parties.title}” is resolved: ${formatMoney(refundCents, invoice.currency)} refunded`,
      paragraphs: [
        `${parties.freelancerFirstName} refunded ${formatMoney(refundCents, invoice.currency)} of the disputed ${formatMoney(dispute.disputedCents, invoice.currency)} (invoice ${invoice.number}). A credit note is issued and the amount goes back to your card.`,
        'New time on the contract can be recorded again.',
      ],
    });
    return { ok: true as const, contractId: dispute.contractId };
  });
  if (result.ok) await sendDisputeRefunds(db, [input.disputeId]);
  return result;
}

/**
 * Ops decides a dispute the freelancer rejected: refund all, refund part, or pay the
 * freelancer, with a note both sides read. Only a dispute awaiting ops; after its due date
 * it stays in the queue, flagged overdue, until someone decides (nothing is decided for ops).
 */
export async function decideDispute(
  db: Db,
  input: DecideDisputeInput & { reviewerId: string; ip?: string },
  at: Date = now(),
): Promise<{ ok: true } | ReviewRefusal> {
  const result = await db.transaction(async (tx) => {
    const locked = await lockDispute(tx, input.disputeId);
    if (!locked) return UNKNOWN_DISPUTE;
    const { dispute, invoice } = locked;
    if (dispute.status !== 'awaiting_ops') {
      return {
        ok: false as const,
        reason: 'state',
        message: 'This dispute is not waiting for ops.',
      };
    }
    const refundCents =
      input.decision === 'refund_all'
        ? dispute.disputedCents
        : input.decision === 'pay'
          ? 0
          : input.amount!;
    if (refundCents > dispute.disputedCents) {
      return {
        ok: false as const,
        reason: 'amount',
        message: `Refund at most the disputed ${formatMoney(dispute.disputedCents, invoice.currency)}.`,
      };
    }
    const resolution =
      refundCents === 0
        ? 'paid'
        : refundCents === dispute.disputedCents
          ? 'refunded_all'
          : 'refunded_part';
    await settleDispute(tx, dispute, invoice, {
      resolution,
      refundCents,
      resolvedBy: input.reviewerId,
      note: input.note,
      at,
    });
    await recordAudit(tx, {
      actorId: input.reviewerId,
      action: 'dispute.decided',
      targetType: 'dispute',
      targetId: dispute.id,
      ip: input.ip,
      detail: `${resolution}: ${formatMoney(refundCents, invoice.currency)} refunded`,
    });
    const parties = await findParties(tx, dispute.contractId);
    const outcome =
      resolution === 'paid'
        ? `the disputed ${formatMoney(dispute.disputedCents, invoice.currency)} is paid to the freelancer`
        : `${formatMoney(refundCents, invoice.currency)} of the disputed ${formatMoney(dispute.disputedCents, invoice.currency)} is refunded to the client`;
    for (const side of [
      { to: parties.clientEmail, firstName: parties.clientName },
      { to: parties.freelancerEmail, firstName: parties.freelancerFirstName },
    ]) {
      await sendReviewNotice(tx, {
        ...side,
        template: 'dispute-decided',
        heading: `Ops decided the dispute on “${parties.title}”`,
        paragraphs: [`Invoice ${invoice.number}: ${outcome}.`, `Ops' note: “${input.note}”`],
        buttonLabel: 'See the dispute',
        path: disputePath(dispute.contractId, dispute.id),
      });
    }
    return { ok: true as const };
  });
  if (result.ok) await sendDisputeRefunds(db, [input.disputeId]);
  return result;
}

/**
 * Tick step: a dispute whose answer is due with no answer is refunded in full
 * (refunded_no_answer), both sides told. Batched, SKIP LOCKED and guarded on the status, so
 * two workers never settle one twice; the provider refunds follow each batch's commit.
 */
export async function expireDisputeDeadlines(
  db: Db,
  at: Date = now(),
  batchSize = 50,
): Promise<number> {
  let done = 0;
  for (;;) {
    const expired = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(disputes)
        .where(and(eq(disputes.status, 'awaiting_freelancer'), lte(disputes.answerDueAt, at)))
        .orderBy(asc(disputes.answerDueAt))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      const late = due;
      if (late.length === 0) return [];
      const invoiceRows = await tx
        .select()
        .from(invoices)
        .where(
          inArray(
            invoices.id,
            late.map((d) => d.invoiceId),
          ),
        );
      for (const dispute of late) {
        const invoice = invoiceRows.find((row) => row.id === dispute.invoiceId)!;
        await settleDispute(tx, dispute, invoice, {
          resolution: 'refunded_no_answer',
          refundCents: dispute.disputedCents,
          resolvedBy: null,
          note: 'No answer within 3 business days.',
          at,
        });
        await recordAudit(tx, {
          actorId: null,
          action: 'dispute.expired',
          targetType: 'dispute',
          targetId: dispute.id,
          detail: 'No answer in time: the disputed amount refunded',
        });
        const parties = await findParties(tx, dispute.contractId);
        const amount = formatMoney(dispute.disputedCents, invoice.currency);
        for (const side of [
          { to: parties.clientEmail, firstName: parties.clientName },
          { to: parties.freelancerEmail, firstName: parties.freelancerFirstName },
        ]) {
          await sendReviewNotice(tx, {
            ...side,
            template: 'dispute-expired',
            heading: `The dispute on “${parties.title}” was not answered in time`,
            paragraphs: [
              `The freelancer did not answer within 3 business days, so the disputed ${amount} of invoice ${invoice.number} is refunded to the client.`,
            ],
            buttonLabel: 'See the dispute',
            path: disputePath(dispute.contractId, dispute.id),
          });
        }
      }
      return late.map((d) => d.id);
    });
    if (expired.length > 0) await sendDisputeRefunds(db, expired);
    done += expired.length;
    if (expired.length < batchSize) return done;
  }
}
