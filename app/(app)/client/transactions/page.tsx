import type { Metadata } from 'next';
import { getDatabase } from '@/db';
import { HistoryTable } from '@/components/ledger/history-table';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
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
      <PageHeader
        title="Transactions"
        back={<a href="/client">← Dashboard</a>}
        description={`Charges to your billing method and refunds, on every contract of ${inviter.workspaceName}, newest first.`}
        actions={
          <a href="/client/transactions/export" download>
            Download CSV
          </a>
        }
      />
      <Card>
        <HistoryTable
          rows={page.rows}
          show="contract"
          caption="Charges and refunds"
          empty={{
            title: 'No charges yet.',
            body: 'Invoices and funded milestones will appear here once they are charged.',
          }}
          olderHref={
            page.next ? `/client/transactions?after=${encodeURIComponent(page.next)}` : null
          }
        />
      </Card>
    </>
  );
}
