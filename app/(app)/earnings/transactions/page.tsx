import type { Metadata } from 'next';
import { getDatabase } from '@/db';
import { HistoryTable } from '@/components/ledger/history-table';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
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
      <PageHeader
        title="Transaction history"
        back={<a href="/onboarding">← Dashboard</a>}
        description="Every movement of your money: payments released to you, money becoming available, withdrawals and their fees, newest first."
        actions={
          <>
            <a href="/earnings/reports">Earnings reports</a>
            <a href="/earnings/transactions/export" download>
              Download CSV
            </a>
          </>
        }
      />
      <Card>
        <HistoryTable
          rows={page.rows}
          show="account"
          caption="Your transactions"
          empty={{
            title: 'Nothing yet.',
            body: 'Payments from your contracts will appear here as soon as a client’s payment is released to you.',
          }}
          olderHref={
            page.next ? `/earnings/transactions?after=${encodeURIComponent(page.next)}` : null
          }
        />
      </Card>
    </>
  );
}
