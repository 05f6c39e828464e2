import type { Metadata } from 'next';
import { getDatabase } from '@/db';
import { ReportPeriodSummary, ReportTables } from '@/components/reports/report-tables';
import type { Column } from '@/components/ui/data-table';
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
  return (
    <>
      <PageHeader
        title="Spending reports"
        back={<a href="/client">← Dashboard</a>}
        description={`What ${inviter.workspaceName} paid: every invoice charged (hourly weeks, milestone fundings, bonuses) at its gross, service fees included, less every refund (credit notes). Charges count when they were paid, refunds when issued. Weeks are ISO weeks and months calendar months, in UTC.`}
      />
      <ReportPeriodSummary action="/client/reports" parsed={parsed} query={query}>
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
      </ReportPeriodSummary>
      <ReportTables
        tables={TABLES.map((t) => ({
          by: t.by,
          title: t.title,
          columns: columnsFor(t.first, t.by),
          rows: rowsOf[t.by],
        }))}
        exportPath="/client/reports/export"
        periodQuery={periodQuery(period)}
        caption={(title) => `Spending ${title.toLowerCase()}, ${describePeriod(period)}`}
        emptyText="Invoices appear here once they are charged."
      />
    </>
  );
}
