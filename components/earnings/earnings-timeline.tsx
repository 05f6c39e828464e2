import { DataTable, type Column } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Money } from '@/components/ui/money';
import { formatDateAndTime, formatLongDate } from '@/lib/dates/format';
import {
  describeTimelineRow,
  timelineHref,
  type TimelinePage,
  type TimelineRow,
} from '@/lib/ledger/earnings-timeline';

type Props = { page: TimelinePage; timeZone: string; olderHref: string | null };

/** The amount the row's words name: into review, to pending, to or from available … */
function ownCents(row: TimelineRow): number {
  switch (row.kind) {
    case 'charge':
    case 'refund':
      return row.contractCents;
    case 'release':
    case 'bonus':
      return row.pendingCents;
    case 'payout':
      return row.withdrawingCents;
    case 'availability':
    case 'withdrawal':
    case 'payout_return':
      return row.availableCents;
    default:
      return row.pendingCents + row.availableCents + row.withdrawingCents;
  }
}

/**
 * The money timeline: every movement with its date in the freelancer's zone (UTC beside it,
 * since the weekly cycle runs on UTC), why it happened, and a link to what it traces to.
 */
export function EarningsTimeline({ page, timeZone, olderHref }: Props) {
  if (page.rows.length === 0) {
    return (
      <EmptyState title="Nothing yet.">
        Charges on your contracts, releases and withdrawals will appear here as they happen.
      </EmptyState>
    );
  }
  const columns: Column<TimelineRow>[] = [
    {
      label: 'What happened',
      primary: true,
      cell: (row) => {
        const text = describeTimelineRow(row, (at) => formatLongDate(at, timeZone));
        const href = timelineHref(row);
        return (
          <>
            {href ? <a href={href}>{text}</a> : text}
            {row.contractTitle ? <span className="muted"> · {row.contractTitle}</span> : null}
          </>
        );
      },
    },
    {
      label: 'Date',
      cell: (row) => (
        <time dateTime={row.effectiveAt.toISOString()}>
          {formatDateAndTime(row.effectiveAt, timeZone)}
          {timeZone === 'UTC' ? null : (
            <span className="muted"> ({formatDateAndTime(row.effectiveAt, 'UTC')})</span>
          )}
        </time>
      ),
    },
    {
      label: 'Amount',
      align: 'end',
      cell: (row) => <Money cents={ownCents(row)} signed />,
    },
  ];
  return (
    <>
      <DataTable
        caption="Your money timeline, newest first"
        columns={columns}
        rows={page.rows}
        rowKey={(row) => row.transactionId}
      />
      {olderHref ? (
        <p>
          <a href={olderHref}>Older movements</a>
        </p>
      ) : null}
    </>
  );
}
