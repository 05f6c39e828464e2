import type { Metadata } from 'next';
import { getDatabase } from '@/db';
import { PeriodForm } from '@/components/reports/period-form';
import { Card } from '@/components/ui/card';
import { DataTable, type Column } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Money } from '@/components/ui/money';
import { PageHeader } from '@/components/ui/page-header';
import { requireClient } from '@/lib/auth/session';
import { describePeriod, parsePeriod, periodQuery } from '@/lib/reports/period';
import {
  spendingBy,
  spendingTotalsOf,
  type SpendingGrouping,
  type SpendingRow,
} from '@/lib/reports/spending';

export const metadata: Metadata = { title: 'Spending reports' };

type Props = { searchParams: Promise<{ from?: string; to?: string }> };

const TABLES: { by: SpendingGrouping; title: string; first: string }[] = [
  { by: 'contract', title: 'By contract', first: 'Contract' },
  { by: 'week', title: 'By week', first: 'Week (ISO, UTC)' },
];

function columnsFor(first: string, by: SpendingGrouping): Column<SpendingRow>[] {
  return [
    {
      label: first,
      primary: true,
      cell: (r) =>
        by === 'week' ? (
          `${r.label} (from ${r.key})`
        ) : (
          <a href={`/contracts/${r.key}`}>{r.label}</a>
        ),
    },
    {
      label: 'Charged',
      align: 'end',
      cell: (r) => <Money cents={r.chargedCents} currency={r.currency} />,
    },
    {
      label: 'Refunded',
      align: 'end',
      cell: (r) => <Money cents={r.refundedCents} currency={r.currency} />,
    },
    {
      label: 'Spent',
      align: 'end',
      cell: (r) => <Money cents={r.spentCents} currency={r.currency} />,
    },
  ];
}

export default async function ClientReportsPage({ searchParams }: Props) {
  const { inviter } = await requireClient();
  const query = await searchParams;
  const parsed = parsePeriod({ from: query.from, to: query.to });
  const { period } = parsed;
  const { db } = await getDatabase();
  const [byContract, byWeek] = await Promise.all(
    TABLES.map((t) => spendingBy(db, inviter.workspaceId, period, t.by)),
  );
  const rowsOf = { contract: byContract, week: byWeek };
  const totals = spendingTotalsOf(byContract);
  const periodText = describePeriod(period);
  const qs = periodQuery(period);
  return (
    <>
      <PageHeader
        title="Spending reports"
        back={<a href="/client">← Dashboard</a>}
        description={`What ${inviter.workspaceName} paid: every invoice charged (hourly weeks, milestone fundings, bonuses) at its gross, service fees included, less every refund (credit notes). Charges count when they were paid, refunds when issued. Weeks are ISO weeks and months calendar months, in UTC.`}
      />
      <PeriodForm
        action="/client/reports"
        from={parsed.ok ? period.fromMonth : (query.from ?? '')}
        to={parsed.ok ? period.toMonth : (query.to ?? '')}
        fieldErrors={parsed.ok ? {} : parsed.fieldErrors}
      />
      <p role="status">
        {parsed.ok ? '' : 'That period could not be read, so this shows the last 12 months. '}
        {periodText} (UTC):{' '}
        {totals.length === 0
          ? 'nothing charged.'
          : totals.map((t, i) => (
              <span key={t.currency}>
                {i > 0 ? ', ' : ''}
                <Money cents={t.spentCents} currency={t.currency} /> spent (
                <Money cents={t.chargedCents} currency={t.currency} /> charged,{' '}
                <Money cents={t.refundedCents} currency={t.currency} /> refunded)
              </span>
            ))}
      </p>
      {TABLES.map((table) => (
        <Card
          key={table.by}
          title={table.title}
          actions={
            <a href={`/client/reports/export?by=${table.by}&${qs}`} download>
              Download CSV ({table.title.toLowerCase()})
            </a>
          }
        >
          {rowsOf[table.by].length === 0 ? (
            <EmptyState title="Nothing in this period.">
              Invoices appear here once they are charged.
            </EmptyState>
          ) : (
            <DataTable
              caption={`Spending ${table.title.toLowerCase()}, ${periodText}`}
              columns={columnsFor(table.first, table.by)}
              rows={rowsOf[table.by]}
              rowKey={(r) => `${r.key}:${r.currency}`}
            />
          )}
        </Card>
      ))}
    </>
  );
}
