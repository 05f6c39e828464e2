import { and, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { contracts, invoices, timeEntries } from '@/db/schema';
import { formatLongDate } from '@/lib/dates/format';
import type { IssueInvoiceInput } from '@/lib/invoices/issue';
import { formatMoney } from '@/lib/money/money';
import { billableDays, type BillableEntry } from './billable';
import {
  invoiceTimeOf,
  isoWeekOf,
  reviewEndsOf,
  weekEndOf,
  weekStartFromDate,
  weekStartOf,
} from './week';

/*
 * What the invoicing of a closed week reads and computes, shared by the per-contract path
 * (lib/hourly/invoicing.ts) and the set-based batch (lib/hourly/invoice-batch.ts), so both
 * issue exactly the same invoice.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How long a client reviews a week invoiced on time: Monday 12:00 to Saturday 00:00. */
const REVIEW_LENGTH_MS = 4 * DAY_MS + 12 * HOUR_MS;

/**
 * Entries of weeks whose invoice time has passed start before this: the end of the latest
 * week invoiceable at `at` (last week from Monday 12:00 UTC on, the week before until then).
 */
export function invoicedWeeksEndOf(at: Date): Date {
  let week = new Date(weekStartOf(at).getTime() - 7 * DAY_MS);
  if (invoiceTimeOf(week) > at) week = new Date(week.getTime() - 7 * DAY_MS);
  return weekEndOf(week);
}

/** The UTC Monday of an entry's week, as `invoice.week_start` stores it. */
export const weekOfEntry = sql`(date_trunc('week', ${timeEntries.startedAt} at time zone 'UTC'))::date`;

/**
 * Finished entries not yet on an invoice, in a closed week (its invoice time has passed) that
 * has no hourly invoice yet. Earlier weeks count too: a week the tick missed (the worker was
 * down) is invoiced by the next tick.
 */
export function uninvoicedClosedTime(at: Date) {
  return and(
    isNull(timeEntries.invoiceId),
    isNotNull(timeEntries.endedAt),
    lt(timeEntries.startedAt, invoicedWeeksEndOf(at)),
    sql`not exists (select 1 from ${invoices} where ${invoices.kind} = 'hourly'
      and ${invoices.contractId} = ${timeEntries.contractId} and ${invoices.weekStart} = ${weekOfEntry})`,
  );
}

// An ended contract takes no new time, so its last weeks are invoiced and then nothing more.
export const isInvoiceable = and(
  inArray(contracts.status, ['active', 'ended']),
  eq(contracts.kind, 'hourly'),
  isNotNull(contracts.freelancerId),
);

/** One line's amount: minutes × hourly rate, rounded half up to the cent. */
export function lineCents(minutes: number, rateCents: number): number {
  return Math.floor((minutes * rateCents + 30) / 60);
}

/** "2 h 30 min", "45 min", "8 h". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

const weekdayFormat = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: 'UTC' });

export type InvoiceableContract = typeof contracts.$inferSelect & {
  freelancerId: string;
  hourlyRateCents: number;
};

/** The contract when it can be invoiced (a freelancer and a rate), else null. */
export function asInvoiceable(contract: typeof contracts.$inferSelect): InvoiceableContract | null {
  const { freelancerId, hourlyRateCents } = contract;
  if (!freelancerId || hourlyRateCents === null) return null;
  return { ...contract, freelancerId, hourlyRateCents };
}

export type WeekInvoice = {
  input: IssueInvoiceInput & { weekStart: string; reviewEndsAt: Date };
  isoWeek: string;
  minutes: number;
};

/**
 * The invoice of one closed week of a contract from its finished, un-invoiced entries of
 * that week: one line per day worked (billable minutes × rate, each line rounded to the
 * cent; the total is their sum). A week whose time bills nothing has no invoice (null).
 */
export function weekInvoiceOf(
  contract: InvoiceableContract,
  weekStart: string,
  entries: BillableEntry[],
  at: Date,
): WeekInvoice | null {
  const start = weekStartFromDate(weekStart);
  const rate = contract.hourlyRateCents;
  const days = billableDays(entries, contract.weeklyLimitHours).filter((day) => day.minutes > 0);
  if (days.length === 0) return null;
  const rateLabel = `${formatMoney(rate, contract.currency)}/h`;
  const minutes = days.reduce((sum, day) => sum + day.minutes, 0);
  const isoWeek = isoWeekOf(start);
  // A week invoiced late (the tick was not running) still gives the client a full review.
  const reviewEndsAt = new Date(
    Math.max(reviewEndsOf(start).getTime(), at.getTime() + REVIEW_LENGTH_MS),
  );
  return {
    isoWeek,
    minutes,
    input: {
      kind: 'hourly',
      contractId: contract.id,
      workspaceId: contract.workspaceId,
      freelancerId: contract.freelancerId,
      currency: contract.currency,
      feeBps: contract.feeBps,
      description: `${contract.title}, week ${isoWeek}`,
      weekStart,
      minutes,
      rateCents: rate,
      reviewEndsAt,
      lines: days.map((day) => {
        const date = new Date(`${day.workDate}T00:00:00Z`);
        return {
          description: `${weekdayFormat.format(date)}, ${formatLongDate(date)}: ${formatDuration(day.minutes)} at ${rateLabel}`,
          workDate: day.workDate,
          minutes: day.minutes,
          amountCents: lineCents(day.minutes, rate),
        };
      }),
    },
  };
}

/** The audit line of an issued invoice. */
export const issuedAuditDetail = (
  week: WeekInvoice,
  invoice: { number: string; grossCents: number; currency: string },
) =>
  `${invoice.number}: ${week.isoWeek}, ${formatDuration(week.minutes)}, ${formatMoney(invoice.grossCents, invoice.currency)}`;
