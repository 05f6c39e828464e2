import type { Metadata } from 'next';
import { getDatabase } from '@/db';
import { HistoryTable } from '@/components/ledger/history-table';
import { requireClient } from '@/lib/auth/session';
import { listClientHistory } from '@/lib/ledger/history';

export const metadata: Metadata = { title: 'Transactions' };

type Props = { searchParams: Promise<{ after?: string }> };

export default async function ClientTransactionsPage({ searchParams }: Props) {
  const { inviter } = await requireClient();
  const { after } = await searchParams;
  const { db } = await getDatabase();
  const page = await listClientHistory(db, inviter.workspaceId, { cursor: after });
  return (
    <>
      <h1>Transactions</h1>
      <p className="muted">
        Charges to your billing method and refunds, on every contract of {inviter.workspaceName},
        newest first.
      </p>
      <p className="actions">
        <a href="/client/transactions/export" download>
          Download CSV
        </a>
      </p>
      <HistoryTable
        rows={page.rows}
        show="contract"
        caption="Charges and refunds"
        empty="No charges yet. Invoices and funded milestones will appear here."
        olderHref={page.next ? `/client/transactions?after=${encodeURIComponent(page.next)}` : null}
      />
    </>
  );
}
