import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contracts, invoices, timeEntries } from '@/db/schema';
import { now } from '@/lib/clock';
import { billableDays } from '@/lib/hourly/billable';
import { postHourlyCharge } from '@/lib/hourly/invoice-charges';
import { lineCents } from '@/lib/hourly/invoicing';
import { reviewEndsOf, weekStartDate, weekStartOf } from '@/lib/hourly/week';
import { issueInvoice } from '@/lib/invoices/issue';

const HOUR_MS = 3_600_000;

/** Monday and Wednesday of this UTC week: two entries, then one, with memos. */
const ENTRIES = [
  { day: 0, hour: 9, minutes: 120, memo: 'Wireframes for the booking page' },
  { day: 0, hour: 13, minutes: 50, memo: 'Call with the client' },
  { day: 2, hour: 9, minutes: 200, memo: 'Booking form' },
];

/**
 * A paid hourly week under review on an accepted hourly contract (this UTC week, whose
 * review runs until the Saturday after next Monday): its time, its invoice and the charge
 * posted to in_review as the billing tick's charge hook would (no card charge: a refund
 * of it has nothing to send to the processor).
 */
export async function makeReviewWeek(
  db: Db,
  input: { contractId: string },
): Promise<{ contractId: string; invoiceId: string; entryIds: string[] }> {
  const [contract] = await db.select().from(contracts).where(eq(contracts.id, input.contractId));
  if (!contract || contract.kind !== 'hourly' || !contract.freelancerId) {
    throw new Error(`no accepted hourly contract ${input.contractId}`);
  }
  const weekStart = weekStartOf(now());
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(timeEntries)
      .values(
        ENTRIES.map((entry) => {
          const startedAt = new Date(weekStart.getTime() + (entry.day * 24 + entry.hour) * HOUR_MS);
          return {
            contractId: contract.id,
            freelancerId: contract.freelancerId!,
            kind: 'tracked' as const,
            startedAt,
            endedAt: new Date(startedAt.getTime() + entry.minutes * 60_000),
            memo: entry.memo,
          };
        }),
      )
      .returning();
    const days = billableDays(
      rows.map((r) => ({ id: r.id, startedAt: r.startedAt, endedAt: r.endedAt! })),
      contract.weeklyLimitHours,
    );
    const rate = contract.hourlyRateCents!;
    const invoice = await issueInvoice(tx, {
      kind: 'hourly',
      contractId: contract.id,
      workspaceId: contract.workspaceId,
      freelancerId: contract.freelancerId!,
      currency: contract.currency,
      feeBps: contract.feeBps,
      weekStart: weekStartDate(weekStart),
      minutes: days.reduce((sum, d) => sum + d.minutes, 0),
      rateCents: rate,
      reviewEndsAt: reviewEndsOf(weekStart),
      lines: days.map((d) => ({
        description: `Work on ${d.workDate}`,
        workDate: d.workDate,
        minutes: d.minutes,
        amountCents: lineCents(d.minutes, rate),
      })),
    });
    await tx
      .update(timeEntries)
      .set({ invoiceId: invoice.id })
      .where(
        inArray(
          timeEntries.id,
          days.flatMap((d) => d.entryIds),
        ),
      );
    await postHourlyCharge(tx, invoice);
    await tx
      .update(invoices)
      .set({ paymentStatus: 'paid', paidAt: now() })
      .where(eq(invoices.id, invoice.id));
    return { contractId: contract.id, invoiceId: invoice.id, entryIds: rows.map((r) => r.id) };
  });
}
