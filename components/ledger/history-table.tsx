import type { HistoryRow } from '@/lib/ledger/history';
import { describeAccount, describeKind } from '@/lib/ledger/labels';
import { formatMoney } from '@/lib/money/money';

type Props = {
  rows: HistoryRow[];
  /** The freelancer's side names the account (pending, available …); the client's the contract. */
  show: 'account' | 'contract';
  caption: string;
  empty: string;
  olderHref: string | null;
};

/** A page of ledger history, newest first, with a link to the next (older) page. */
export function HistoryTable({ rows, show, caption, empty, olderHref }: Props) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <>
      <table>
        <caption className="muted">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Type</th>
            <th scope="col">{show === 'account' ? 'Balance' : 'Contract'}</th>
            <th scope="col">Amount</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.entryId}>
              <td>
                <time dateTime={row.effectiveAt.toISOString()}>
                  {row.effectiveAt.toISOString().slice(0, 16).replace('T', ' ')} UTC
                </time>
              </td>
              <td>
                {describeKind(row.kind)}
                {row.memo ? <span className="muted"> · {row.memo}</span> : null}
              </td>
              <td>
                {show === 'account' ? describeAccount(row.account) : (row.contractTitle ?? '—')}
              </td>
              <td>{formatMoney(row.cents, row.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {olderHref ? (
        <p>
          <a href={olderHref}>Older transactions</a>
        </p>
      ) : null}
    </>
  );
}
