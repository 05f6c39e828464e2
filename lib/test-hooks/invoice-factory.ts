import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { contracts, invoices } from '@/db/schema';
import { now } from '@/lib/clock';
import { releaseToFreelancer } from '@/lib/earnings/release';
import {
  availableAfterReviewOf,
  isoWeekOf,
  reviewEndsOf,
  weekStartDate,
  weekStartFromDate,
} from '@/lib/hourly/week';
import { postHourlyCharge } from '@/lib/hourly/invoice-charges';
import { issueInvoice } from '@/lib/invoices/issue';
import { accounts } from '@/lib/ledger/accounts';
import type { invoiceRequestSchema } from './schemas';

type InvoiceRequest = z.output<typeof invoiceRequestSchema>;

export type MadeInvoice = {
  invoiceId: string;
  number: string;
  contractId: string;
  weekStart: string;
  grossCents: number;
  feeCents: number;
  netCents: number;
};

const DAY_MS = 86_400_000;

/** Minutes worked on the Monday, Tuesday and Thursday of the week: 7.5 h, 5 h, 1.5 h. */
const DAYS = [
  { offset: 0, minutes: 450 },
  { offset: 1, minutes: 300 },
  { offset: 3, minutes: 90 },
];

/**
 * An hourly week invoiced and paid, as the billing tick would leave it (MONEY-KEYS): the
 * invoice issued through issueInvoice with a line per day, the charge posted to the
 * contract's in_review, and, at stage `pending`, the release to the freelancer. The week
 * is `weeksAgo` weeks before this one. Its review ends when the week's rule says; if that
 * has passed, a day from now, so a journey run on a weekend still finds it in review.
 */
export async function makeInvoice(db: Db, input: InvoiceRequest): Promise<MadeInvoice> {
  const [contract] = await db.select().from(contracts).where(eq(contracts.id, input.contractId));
  if (!contract?.freelancerId || contract.kind !== 'hourly' || !contract.hourlyRateCents) {
    throw new Error(`no hourly contract with a freelancer: ${input.contractId}`);
  }
  const freelancerId = contract.freelancerId;
  const rate = contract.hourlyRateCents;
  const at = now();
  const weekStart = weekStartDate(new Date(at.getTime() - input.weeksAgo * 7 * DAY_MS));
  const start = weekStartFromDate(weekStart);
  const ruleEnd = reviewEndsOf(start);
  const reviewEndsAt = ruleEnd > at ? ruleEnd : new Date(at.getTime() + DAY_MS);
  const lines = DAYS.map((day) => {
    const workDate = new Date(start.getTime() + day.offset * DAY_MS).toISOString().slice(0, 10);
    return {
      description: `Work on ${workDate}`,
      workDate,
      minutes: day.minutes,
      amountCents: Math.round((day.minutes * rate) / 60),
    };
  });
  const isoWeek = isoWeekOf(start);
  const invoice = await db.transaction(async (tx) => {
    const issued = await issueInvoice(tx, {
      kind: 'hourly',
      contractId: contract.id,
      workspaceId: contract.workspaceId,
      freelancerId,
      currency: contract.currency,
      feeBps: contract.feeBps,
      description: `Hours of ${isoWeek}`,
      weekStart,
      minutes: lines.reduce((sum, line) => sum + line.minutes, 0),
      rateCents: rate,
      reviewEndsAt,
      lines,
    });
    await postHourlyCharge(tx, issued);
    const paid = { paymentStatus: 'paid' as const, paidAt: at };
    if (input.stage === 'pending') {
      await releaseToFreelancer(tx, {
        key: `hourly:${contract.id}:${isoWeek}:release`,
        source: { type: 'hourly_invoice', id: issued.id },
        contractId: contract.id,
        freelancerId,
        from: accounts.inReview(contract.id),
        grossCents: issued.grossCents,
        feeCents: issued.feeCents,
        currency: issued.currency,
        availableAt:
          availableAfterReviewOf(start) > at
            ? availableAfterReviewOf(start)
            : new Date(at.getTime() + 5 * DAY_MS),
        memo: issued.number,
      });
      await tx
        .update(invoices)
        .set({ ...paid, releasedAt: at })
        .where(eq(invoices.id, issued.id));
    } else {
      await tx.update(invoices).set(paid).where(eq(invoices.id, issued.id));
    }
    return issued;
  });
  return {
    invoiceId: invoice.id,
    number: invoice.number,
    contractId: contract.id,
    weekStart,
    grossCents: invoice.grossCents,
    feeCents: invoice.feeCents,
    netCents: invoice.netCents,
  };
}
