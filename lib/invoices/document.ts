import type { ContractSide } from '@/lib/contracts/access';
import { formatDateAndTime, formatLongDate } from '@/lib/dates/format';
import { formatWithUtc } from '@/lib/dates/with-utc';
import { formatMoney, formatPercent } from '@/lib/money/money';
import type { InvoiceKind, InvoiceLineRow, InvoiceRow } from './issue';
import { describeMoneyState, type MoneyState } from './money-state';

/** Who the invoice is between, as the page and the PDF name them. */
export type InvoiceParties = {
  contractTitle: string;
  client: { workspaceName: string; ownerName: string | null };
  freelancer: { name: string; country: string | null };
  /** milestone invoices: the milestone funded. */
  milestone?: { position: number; description: string } | null;
  /** credit notes: the invoice credited. */
  credited?: { id: string; number: string } | null;
};

/** Who reads it: the client's "You pay", the freelancer's "You receive", ops neutral. */
export type InvoiceReader = { side: ContractSide; timeZone: string };

export type InvoiceDocumentLine = {
  key: string;
  /** hourly: the UTC day worked, e.g. "Monday, December 7, 2026". */
  date: string | null;
  description: string;
  /** hourly: billable hours with two decimals ("7.50"). */
  hours: string | null;
  rate: string | null;
  amount: string;
  amountCents: number;
};

/**
 * Everything an invoice shows, in words and formatted amounts, read from the stored row
 * only (the fee and net were fixed at issue): the page and the PDF both render this, so
 * they cannot disagree with each other or with the ledger.
 */
export type InvoiceDocument = {
  id: string;
  number: string;
  kind: InvoiceKind;
  title: string;
  kindLabel: string;
  issued: string;
  contractTitle: string;
  description: string;
  parties: {
    client: { label: string; lines: string[] };
    freelancer: { label: string; lines: string[] };
  };
  period: { label: string; lines: string[] } | null;
  lines: InvoiceDocumentLine[];
  /** Whether the lines are days with hours and a rate (hourly) or amounts only. */
  hasHours: boolean;
  totals: {
    grossLabel: string;
    gross: string;
    grossCents: number;
    feeLabel: string;
    fee: string;
    feeCents: number;
    netLabel: string;
    net: string;
    netCents: number;
  };
  paymentStatus: { status: InvoiceRow['paymentStatus']; label: string };
  /** Where the money of this invoice is now (in review, pending until, available …). */
  money: string;
  credits: { id: string; number: string } | null;
  currency: string;
};

const KIND_LABELS: Record<InvoiceKind, string> = {
  hourly: 'Hourly work',
  milestone: 'Milestone funding',
  bonus: 'Bonus',
  credit_note: 'Credit note (refund)',
};

const PAYMENT_LABELS: Record<InvoiceRow['paymentStatus'], string> = {
  awaiting_payment: 'Awaiting payment',
  paid: 'Paid',
  payment_failed: 'Payment failed',
};

const DAY_MS = 86_400_000;

/** "Monday, December 7, 2026": a calendar date (YYYY-MM-DD) as the UTC day it names. */
const weekday = new Intl.DateTimeFormat('en-US', {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const dayOf = (date: string) => weekday.format(new Date(`${date}T00:00:00Z`));

/** Minutes as hours with two decimals: 450 → "7.50". */
export const formatHours = (minutes: number) => (minutes / 60).toFixed(2);

function wordsFor(side: ContractSide, isCredit: boolean) {
  if (isCredit) {
    return side === 'client'
      ? { gross: 'Refunded to you', net: 'Freelancer’s share refunded' }
      : side === 'freelancer'
        ? { gross: 'Refunded to the client', net: 'Your share refunded' }
        : { gross: 'Refunded to the client', net: 'Freelancer’s share refunded' };
  }
  return side === 'client'
    ? { gross: 'You pay', net: 'Freelancer receives' }
    : side === 'freelancer'
      ? { gross: 'Client pays', net: 'You receive' }
      : { gross: 'Client pays', net: 'Freelancer receives' };
}

function periodOf(invoice: InvoiceRow, parties: InvoiceParties, timeZone: string) {
  if (invoice.kind === 'hourly' && invoice.weekStart) {
    const start = new Date(`${invoice.weekStart}T00:00:00Z`);
    const lastDay = new Date(start.getTime() + 6 * DAY_MS).toISOString().slice(0, 10);
    const lastMinute = new Date(start.getTime() + 7 * DAY_MS - 60_000);
    const lines = [`${dayOf(invoice.weekStart)} to ${dayOf(lastDay)} (UTC)`];
    if (timeZone !== 'UTC') {
      lines.push(
        `In your time: ${formatDateAndTime(start, timeZone)} to ${formatDateAndTime(lastMinute, timeZone)}`,
      );
    }
    return { label: 'Week worked', lines };
  }
  if (invoice.kind === 'milestone' && parties.milestone) {
    return {
      label: 'Milestone',
      lines: [`Milestone ${parties.milestone.position}: ${parties.milestone.description}`],
    };
  }
  return null;
}

/**
 * The invoice as its reader sees it. Amounts are the stored cents (never recomputed);
 * the reader's side only changes the wording, their zone only adds a second clock.
 */
export function invoiceDocument(
  invoice: InvoiceRow,
  lines: InvoiceLineRow[],
  parties: InvoiceParties,
  reader: InvoiceReader,
  money: MoneyState,
): InvoiceDocument {
  const cur = invoice.currency;
  const format = (cents: number) => formatMoney(cents, cur);
  const isCredit = invoice.kind === 'credit_note';
  const words = wordsFor(reader.side, isCredit);
  const rate = invoice.rateCents === null ? null : `${format(invoice.rateCents)}/h`;
  const hasHours = invoice.kind === 'hourly';
  const freelancerLines = [parties.freelancer.name];
  if (parties.freelancer.country) freelancerLines.push(`Country: ${parties.freelancer.country}`);
  const clientLines = [parties.client.workspaceName];
  if (parties.client.ownerName) clientLines.push(parties.client.ownerName);
  return {
    id: invoice.id,
    number: invoice.number,
    kind: invoice.kind,
    title: isCredit ? 'Credit note' : 'Invoice',
    kindLabel: KIND_LABELS[invoice.kind],
    issued: formatWithUtc(invoice.issuedAt, reader.timeZone),
    contractTitle: parties.contractTitle,
    description: invoice.description,
    parties: {
      client: { label: 'Client', lines: clientLines },
      freelancer: { label: 'Freelancer', lines: freelancerLines },
    },
    period: periodOf(invoice, parties, reader.timeZone),
    lines: lines.map((line) => ({
      key: String(line.position),
      date: line.workDate ? dayOf(line.workDate) : null,
      description: line.description,
      hours: line.minutes === null ? null : formatHours(line.minutes),
      rate: hasHours ? rate : null,
      amount: format(line.amountCents),
      amountCents: line.amountCents,
    })),
    hasHours,
    totals: {
      grossLabel: words.gross,
      gross: format(invoice.grossCents),
      grossCents: invoice.grossCents,
      feeLabel: `Service fee (${formatPercent(invoice.feeBps)})`,
      fee: format(invoice.feeCents),
      feeCents: invoice.feeCents,
      netLabel: words.net,
      net: format(invoice.netCents),
      netCents: invoice.netCents,
    },
    paymentStatus: {
      status: invoice.paymentStatus,
      label: isCredit ? 'Refunded' : PAYMENT_LABELS[invoice.paymentStatus],
    },
    money: describeMoneyState(money, reader),
    credits: parties.credited ?? null,
    currency: cur,
  };
}

/** The invoice's date in the list of a contract's invoices: the day, in UTC. */
export const issuedDay = (invoice: Pick<InvoiceRow, 'issuedAt'>) =>
  formatLongDate(invoice.issuedAt, 'UTC');
