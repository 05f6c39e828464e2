import { createElement } from 'react';
import InvoiceIssuedEmail, {
  invoiceIssuedSubject,
  type InvoiceIssuedEmailProps,
} from '@/emails/invoice-issued';
import { formatDateAndTime, formatLongDate } from '@/lib/dates/format';
import { fillMergeTemplate, renderMergeTemplate, type MergeTemplate } from '@/lib/email/merge';
import type { RenderedMessage } from '@/lib/email/outbox';
import { getEnv } from '@/lib/env';
import type { InvoiceRow } from '@/lib/invoices/issue';
import { formatMoney } from '@/lib/money/money';
import { isoWeekOf, weekStartFromDate } from './week';

const DAY_MS = 86_400_000;

/** Every field of the invoice email but `side`, which picks the template. */
const INVOICE_EMAIL_FIELDS = [
  'firstName',
  'otherPartyName',
  'contractTitle',
  'invoiceNumber',
  'weekLabel',
  'hours',
  'total',
  'fee',
  'net',
  'reviewEnds',
  'url',
] as const;
type InvoiceEmailField = (typeof INVOICE_EMAIL_FIELDS)[number];
type InvoiceEmailSide = InvoiceIssuedEmailProps['side'];

/** The invoice email of each side, rendered once and filled in per invoice (mail merge). */
export type InvoiceEmailTemplates = () => Promise<
  Record<InvoiceEmailSide, MergeTemplate<InvoiceEmailField>>
>;

/**
 * Renders the two invoice emails the first time they are asked for, once per tick: a React
 * render takes 5–30 ms and the tick sends two per invoice, 20,000 for the 10,000 contracts
 * of `npm run bench:tick` (lib/email/merge.ts; merge.test.ts checks a fill equals a render).
 */
export function invoiceEmailTemplates(): InvoiceEmailTemplates {
  let rendered: ReturnType<InvoiceEmailTemplates> | undefined;
  const renderSide = (side: InvoiceEmailSide) =>
    renderMergeTemplate(INVOICE_EMAIL_FIELDS, (marks) =>
      createElement(InvoiceIssuedEmail, { ...marks, side }),
    );
  return () => {
    rendered ??= Promise.all([renderSide('client'), renderSide('freelancer')]).then(
      ([client, freelancer]) => ({ client, freelancer }),
    );
    return rendered;
  };
}

/** Who an invoice email goes to: the client (owner of the workspace) and the freelancer. */
export type InvoiceParties = {
  client: { email: string; name: string | null; workspaceName: string };
  freelancer: { email: string; name: string | null };
};

function weekLabelOf(weekStart: string): string {
  const start = weekStartFromDate(weekStart);
  const sunday = new Date(start.getTime() + 6 * DAY_MS);
  return `${formatLongDate(start)} – ${formatLongDate(sunday)} (${isoWeekOf(start)})`;
}

/** The two emails of an issued invoice, filled in from the rendered templates. */
export async function invoiceEmailsOf(
  templates: InvoiceEmailTemplates,
  parties: InvoiceParties,
  contractTitle: string,
  invoice: InvoiceRow,
  reviewEndsAt: Date,
): Promise<RenderedMessage[]> {
  const { client, freelancer } = parties;
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  const common = {
    contractTitle,
    invoiceNumber: invoice.number,
    weekLabel: weekLabelOf(invoice.weekStart!),
    hours: `${(invoice.minutes! / 60).toFixed(2).replace(/\.?0+$/, '')} hours`,
    total: money(invoice.grossCents),
    fee: money(invoice.feeCents),
    net: money(invoice.netCents),
    reviewEnds: formatDateAndTime(new Date(reviewEndsAt.getTime() - 60_000)),
    url: new URL(`/invoices/${invoice.id}`, getEnv().APP_URL).toString(),
  };
  const firstNameOf = (name: string | null) => name?.split(' ')[0] || 'there';
  const sides = [
    {
      side: 'client' as const,
      to: client.email,
      fields: {
        ...common,
        firstName: firstNameOf(client.name),
        otherPartyName: freelancer.name || 'Your freelancer',
      },
    },
    {
      side: 'freelancer' as const,
      to: freelancer.email,
      fields: {
        ...common,
        firstName: firstNameOf(freelancer.name),
        otherPartyName: client.workspaceName,
      },
    },
  ];
  const template = await templates();
  return sides.map(({ side, to, fields }) => ({
    to,
    template: `invoice-issued-${side}`,
    subject: invoiceIssuedSubject(fields),
    ...fillMergeTemplate(template[side], fields),
  }));
}
