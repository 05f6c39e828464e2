import type { ReactNode } from 'react';
import { DataTable, type Column } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Money } from '@/components/ui/money';
import type { HistoryRow } from '@/lib/ledger/history';
import { describeAccount, describeKind } from '@/lib/ledger/labels';

type Props = {
  rows: HistoryRow[];
  /** The freelancer's side names the account (pending, available …); the client's the contract. */
  show: 'account' | 'contract';
  caption: string;
  /** The empty state's title, and what it says under it. */
  empty: { title: string; body: ReactNode };
  olderHref: string | null;
};

const formatWhen = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** A page of ledger history, newest first, with a link to the next (older) page. */
export function HistoryTable({ rows, show, caption, empty, olderHref }: Props) {
  if (rows.length === 0) return <EmptyState title={empty.title}>{empty.body}</EmptyState>;
  const columns: Column<HistoryRow>[] = [
    {
      label: 'Type',
      primary: true,
      cell: (row) => (
        <>
          {describeKind(row.kind)}
          {row.memo ? <span className="muted"> · {row.memo}</span> : null}
        </>
      ),
    },
    {
      label: 'Date',
      cell: (row) => (
        <time dateTime={row.effectiveAt.toISOString()}>{formatWhen(row.effectiveAt)}</time>
      ),
    },
    show === 'account'
      ? { label: 'Balance', cell: (row) => describeAccount(row.account) }
      : { label: 'Contract', cell: (row) => row.contractTitle ?? '—' },
    {
      label: 'Amount',
      align: 'end',
      // A freelancer's entries go both ways; a client's are all charges (or refunds), unsigned.
      cell: (row) => (
        <Money cents={row.cents} currency={row.currency} signed={show === 'account'} />
      ),
    },
  ];
  return (
    <>
      <DataTable
        caption={caption}
        columns={columns}
        rows={rows}
        rowKey={(row) => String(row.entryId)}
      />
      {olderHref ? (
        <p>
          <a href={olderHref}>Older transactions</a>
        </p>
      ) : null}
    </>
  );
}
