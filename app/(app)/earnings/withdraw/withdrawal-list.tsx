import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatMoney } from '@/lib/money/money';
import type { WithdrawalListItem } from '@/lib/withdrawals/history';

/**
 * The freelancer's withdrawals, each linked to its page; a returned one says what to fix and
 * offers to try again.
 */
export function WithdrawalList({
  items,
  nextAfter,
}: {
  items: WithdrawalListItem[];
  nextAfter: string | null;
}) {
  if (items.length === 0) {
    return (
      <Card title="Your withdrawals">
        <p>No withdrawals yet.</p>
      </Card>
    );
  }
  return (
    <Card title="Your withdrawals">
      <DataTable
        caption="Your withdrawals, newest first"
        rowKey={(w) => w.id}
        rows={items}
        columns={[
          {
            label: 'Date',
            cell: (w) => (
              <Link href={`/earnings/withdrawals/${w.id}`}>
                {w.when}
                <span className="visually-hidden">
                  : {formatMoney(w.amountCents, w.currency)} to {w.method}
                </span>
              </Link>
            ),
            primary: true,
          },
          { label: 'Method', cell: (w) => w.method },
          { label: 'Amount', cell: (w) => formatMoney(w.amountCents, w.currency), align: 'end' },
          { label: 'Fee', cell: (w) => formatMoney(w.feeCents, w.currency), align: 'end' },
          {
            label: 'State',
            cell: (w) =>
              w.status === 'returned' ? (
                <>
                  <StatusBadge kind="payout" status={w.status} />
                  {w.failureReason && <> ({w.failureReason})</>}. {w.fix}{' '}
                  <Link href={`/earnings/withdraw?retry=${w.id}`}>
                    Try again
                    <span className="visually-hidden">
                      : {w.method}, {w.when}
                    </span>
                  </Link>
                </>
              ) : (
                <StatusBadge kind="payout" status={w.status} />
              ),
          },
        ]}
      />
      {nextAfter && <Link href={`/earnings/withdraw?after=${nextAfter}`}>Older withdrawals</Link>}
    </Card>
  );
}
