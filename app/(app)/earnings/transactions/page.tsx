import type { Metadata } from 'next';
import { getDatabase } from '@/db';
import { HistoryTable } from '@/components/ledger/history-table';
import { listFreelancerHistory } from '@/lib/ledger/history';
import { requireFreelancerViewer } from '../../settings/viewer';

export const metadata: Metadata = { title: 'Transaction history' };

type Props = { searchParams: Promise<{ after?: string }> };

export default async function EarningsTransactionsPage({ searchParams }: Props) {
  const viewer = await requireFreelancerViewer();
  const { after } = await searchParams;
  const { db } = await getDatabase();
  const page = await listFreelancerHistory(db, viewer.user.id, { cursor: after });
  return (
    <>
      <h1>Transaction history</h1>
      <p className="muted">
        Every movement of your money: payments released to you, money becoming available,
        withdrawals and their fees, newest first.
      </p>
      <p className="actions">
        <a href="/earnings/transactions/export" download>
          Download CSV
        </a>
      </p>
      <HistoryTable
        rows={page.rows}
        show="account"
        caption="Your transactions"
        empty="Nothing yet. Payments from your contracts will appear here."
        olderHref={
          page.next ? `/earnings/transactions?after=${encodeURIComponent(page.next)}` : null
        }
      />
    </>
  );
}
