import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { DataTable, type Column } from '@/components/ui/data-table';
import { DefinitionList } from '@/components/ui/definition-list';
import { EmptyState } from '@/components/ui/empty-state';
import { Money } from '@/components/ui/money';
import type { ContractSide } from '@/lib/contracts/access';
import type { MilestoneStatus, MilestoneWithState } from '@/lib/contracts/milestone-states';
import { formatWithUtc } from '@/lib/dates/with-utc';
import type { listUnresolvedDisputes } from '@/lib/hourly/dispute-queries';
import type { WeekHours } from '@/lib/hourly/this-week';
import { formatHours, issuedDay } from '@/lib/invoices/document';
import type { InvoiceRow } from '@/lib/invoices/issue';

/** An invoice in a contract's list, with where its money is, already in words. */
export type ListedInvoice = { invoice: InvoiceRow; money: string };

const KIND_WORDS: Record<InvoiceRow['kind'], string> = {
  hourly: 'Hourly week',
  milestone: 'Milestone',
  bonus: 'Bonus',
  credit_note: 'Credit note',
};

const PAYMENT_WORDS: Record<InvoiceRow['paymentStatus'], string> = {
  awaiting_payment: 'Awaiting payment',
  paid: 'Paid',
  payment_failed: 'Payment failed',
};

// Typed by the enum: a new milestone state fails typecheck until it has words.
const MILESTONE_WORDS: Record<MilestoneStatus, string> = {
  unfunded: 'Not funded yet',
  funding: 'Funding in progress',
  funded: 'Funded',
  submitted: 'Submitted for review',
  changes_requested: 'Changes requested',
  refund_requested: 'Refund requested',
  released: 'Released',
  refunded: 'Refunded',
};

/** "7.50 h" */
const hours = (minutes: number) => `${formatHours(minutes)} h`;

const dayFormat = new Intl.DateTimeFormat('en-US', {
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

export function ThisWeek({
  contractId,
  week,
  weeklyLimitHours,
  timeZone,
}: {
  contractId: string;
  week: WeekHours;
  weeklyLimitHours: number | null;
  timeZone: string;
}) {
  const lastMinute = new Date(week.weekEnd.getTime() - 60_000);
  return (
    <Card
      id="this-week"
      title={`This week (${week.isoWeek})`}
      actions={<Link href={`/contracts/${contractId}/diary`}>Open the work diary</Link>}
    >
      <p>
        From {formatWithUtc(week.weekStart, timeZone)} to {formatWithUtc(lastMinute, timeZone)}. The
        week runs Monday to Sunday in UTC.
      </p>
      <DefinitionList
        items={[
          { label: 'Hours recorded', value: hours(week.totalMinutes) },
          { label: 'Billable', value: hours(week.billableMinutes) },
          {
            label: 'Over the limit, not billed',
            value: hours(week.overLimitMinutes),
          },
          {
            label: 'Weekly limit',
            value: weeklyLimitHours === null ? 'No limit' : `${weeklyLimitHours} h`,
          },
        ]}
      />
      {week.runningMinutes !== null && (
        <p>
          A timer is running ({hours(week.runningMinutes)} so far); its time counts once it stops.
        </p>
      )}
      {week.days.length > 0 ? (
        <DataTable
          caption="Hours per day (UTC days)"
          columns={[
            {
              label: 'Day',
              primary: true,
              cell: (day) => dayFormat.format(new Date(`${day.date}T00:00:00Z`)),
            },
            { label: 'Hours', align: 'end', cell: (day) => hours(day.minutes) },
          ]}
          rows={week.days}
          rowKey={(day) => day.date}
        />
      ) : (
        <EmptyState title="No time recorded this week yet." />
      )}
    </Card>
  );
}

export function NeedsReview({
  contractId,
  invoices,
  timeZone,
}: {
  contractId: string;
  invoices: InvoiceRow[];
  timeZone: string;
}) {
  if (invoices.length === 0) return null;
  return (
    <Card id="needs-review" title="Needs your review" tone="warning">
      <p>
        Approve a week early, or dispute entries before the review ends; after that the undisputed
        amount is released to the freelancer.
      </p>
      <ul>
        {invoices.map((invoice) => (
          <li key={invoice.id}>
            <Link href={`/contracts/${contractId}/invoices/${invoice.id}/review`}>
              Review {invoice.number}
            </Link>{' '}
            (<Money cents={invoice.grossCents} currency={invoice.currency} />
            ), review ends {formatWithUtc(invoice.reviewEndsAt!, timeZone)}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The client's invoices whose payment failed, each linking to its page's Pay now. */
export function PaymentFailed({ invoices }: { invoices: InvoiceRow[] }) {
  if (invoices.length === 0) return null;
  return (
    <Card id="payment-failed" title="Payment failed" tone="warning">
      <p>
        Your card was declined. Pay these invoices now with your default card; while one stays
        unpaid, new time on this contract pauses 7 days after its first failure.
      </p>
      <ul>
        {invoices.map((invoice) => (
          <li key={invoice.id}>
            <Link href={`/invoices/${invoice.id}`}>Pay {invoice.number} now</Link> (
            <Money cents={invoice.grossCents} currency={invoice.currency} />)
          </li>
        ))}
      </ul>
    </Card>
  );
}

export type OpenDispute = Awaited<ReturnType<typeof listUnresolvedDisputes>>[number];

const DISPUTE_WAITS_FOR: Record<OpenDispute['status'], string> = {
  awaiting_freelancer: "the freelancer's answer",
  awaiting_ops: "Workbridge's decision",
  resolved: 'nothing',
};

/** The contract's disputes not yet resolved, each linking to its page (both sides, ops). */
export function OpenDisputes({
  contractId,
  disputes,
  timeZone,
}: {
  contractId: string;
  disputes: OpenDispute[];
  timeZone: string;
}) {
  if (disputes.length === 0) return null;
  return (
    <Card id="open-disputes" title="Open disputes" tone="warning">
      <p>New time on this contract is paused until every dispute is resolved.</p>
      <ul>
        {disputes.map((dispute) => {
          const due = dispute.status === 'awaiting_freelancer' ? dispute.answerDueAt : null;
          return (
            <li key={dispute.id}>
              <Link href={`/contracts/${contractId}/disputes/${dispute.id}`}>
                Dispute on {dispute.invoiceNumber}
              </Link>{' '}
              (<Money cents={dispute.disputedCents} currency={dispute.currency} />
              ): waits for {DISPUTE_WAITS_FOR[dispute.status]}
              {due ? `, answer due ${formatWithUtc(due, timeZone)}` : ''}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

export function LastInvoice({
  listed,
  side,
}: {
  listed: ListedInvoice | undefined;
  side: ContractSide;
}) {
  return (
    <Card id="last-invoice" title="Last invoice">
      {listed ? (
        <DefinitionList
          items={[
            {
              label: 'Invoice',
              value: <Link href={`/invoices/${listed.invoice.id}`}>{listed.invoice.number}</Link>,
            },
            { label: 'Issued', value: issuedDay(listed.invoice) },
            side === 'freelancer'
              ? {
                  label: 'You receive',
                  value: (
                    <Money cents={listed.invoice.netCents} currency={listed.invoice.currency} />
                  ),
                }
              : {
                  label: side === 'client' ? 'You pay' : 'Client pays',
                  value: (
                    <Money cents={listed.invoice.grossCents} currency={listed.invoice.currency} />
                  ),
                },
            { label: 'Where the money is', value: listed.money },
          ]}
        />
      ) : (
        <EmptyState title="No invoices yet.">
          Hourly weeks are invoiced on Monday at 12:00 UTC; milestones when they are funded.
        </EmptyState>
      )}
    </Card>
  );
}

export function InvoiceList({ listed, side }: { listed: ListedInvoice[]; side: ContractSide }) {
  const amountLabel =
    side === 'freelancer' ? 'You receive' : side === 'client' ? 'You pay' : 'Client pays';
  const columns: Column<ListedInvoice>[] = [
    {
      label: 'Invoice',
      primary: true,
      cell: ({ invoice }) => (
        <>
          <Link href={`/invoices/${invoice.id}`}>{invoice.number}</Link>{' '}
          <span className="muted">{KIND_WORDS[invoice.kind]}</span>
        </>
      ),
    },
    { label: 'Issued', cell: ({ invoice }) => issuedDay(invoice) },
    { label: 'Payment', cell: ({ invoice }) => PAYMENT_WORDS[invoice.paymentStatus] },
    { label: 'Where the money is', cell: ({ money }) => money },
    {
      label: amountLabel,
      align: 'end',
      cell: ({ invoice }) => (
        <Money
          cents={side === 'freelancer' ? invoice.netCents : invoice.grossCents}
          currency={invoice.currency}
        />
      ),
    },
  ];
  return (
    <Card id="invoices" title="Invoices">
      {listed.length === 0 ? (
        <EmptyState title="No invoices yet." />
      ) : (
        <DataTable
          caption="Invoices of this contract, newest first"
          columns={columns}
          rows={listed}
          rowKey={({ invoice }) => invoice.id}
        />
      )}
    </Card>
  );
}

export function MilestoneList({
  contractId,
  milestones,
}: {
  contractId: string;
  milestones: MilestoneWithState[];
}) {
  return (
    <Card id="milestones" title="Milestones">
      <DataTable
        caption="Milestones and where each stands"
        columns={[
          {
            label: 'Milestone',
            primary: true,
            cell: (m) => (
              <Link href={`/contracts/${contractId}/milestones/${m.id}`}>
                {m.position}. {m.description}
              </Link>
            ),
          },
          { label: 'Due', cell: (m) => m.dueDate },
          { label: 'State', cell: (m) => MILESTONE_WORDS[m.status] },
          {
            label: 'Amount',
            align: 'end',
            cell: (m) => <Money cents={m.amountCents} currency={m.currency} />,
          },
        ]}
        rows={milestones}
        rowKey={(m) => m.id}
      />
    </Card>
  );
}
