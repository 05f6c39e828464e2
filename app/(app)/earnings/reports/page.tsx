import type { Metadata } from 'next';
import { getDatabase } from '@/db';
import { BarChart } from '@/components/reports/bar-chart';
import { ReportPeriodSummary, ReportTables } from '@/components/reports/report-tables';
import { Card } from '@/components/ui/card';
import type { Column } from '@/components/ui/data-table';
import { Money } from '@/components/ui/money';
import { PageHeader } from '@/components/ui/page-header';
import {
  earningsBy,
  totalsOf,
  type EarningsGrouping,
  type EarningsRow,
} from '@/lib/reports/earnings';
import { describePeriod, parsePeriod, periodQuery } from '@/lib/reports/period';
import { requireFreelancerViewer } from '../../settings/viewer';

export const metadata: Metadata = { title: 'Earnings reports' };

type Props = { searchParams: Promise<{ from?: string; to?: string }> };

const TABLES: { by: EarningsGrouping; title: string; first: string }[] = [
  { by: 'month', title: 'By month', first: 'Month (UTC)' },
  { by: 'week', title: 'By week', first: 'Week (ISO, UTC)' },
  { by: 'client', title: 'By client', first: 'Client' },
];

function columnsFor(first: string, by: EarningsGrouping): Column<EarningsRow>[] {
  return [
    {
      label: first,
      primary: true,
      cell: (r) => (by === 'week' ? `${r.label} (from ${r.key})` : r.label),
    },
    {
      label: 'Gross',
      align: 'end',
      cell: (r) => <Money cents={r.grossCents} currency={r.currency} />,
    },
    { label: 'Fee', align: 'end', cell: (r) => <Money cents={r.feeCents} currency={r.currency} /> },
    { label: 'Net', align: 'end', cell: (r) => <Money cents={r.netCents} currency={r.currency} /> },
  ];
}

export default async function EarningsReportsPage({ searchParams }: Props) {
  const viewer = await requireFreelancerViewer();
  const query = await searchParams;
  const parsed = parsePeriod({ from: query.from, to: query.to });
  const { period } = parsed;
  const { db } = await getDatabase();
  const [byMonth, byWeek, byClient] = await Promise.all(
    TABLES.map((t) => earningsBy(db, viewer.user.id, period, t.by)),
  );
  const rowsOf = { month: byMonth, week: byWeek, client: byClient };
  const totals = totalsOf(byMonth);
  const periodText = describePeriod(period);
  const qs = periodQuery(period);
  const chartCurrency = totals[0]?.currency ?? 'USD';
  return (
    <>
      <PageHeader
        title="Earnings reports"
        back={<a href="/earnings/transactions">← Transaction history</a>}
        description="What you earned: each payment released to you, with the service fee taken and the net you received, as recorded when it was released. Weeks are ISO weeks and months are calendar months, both in UTC."
        actions={
          <a href={`/earnings/reports/certificate?${qs}`} download>
            Certificate of earnings (PDF)
          </a>
        }
      />
      <ReportPeriodSummary action="/earnings/reports" parsed={parsed} query={query}>
        {totals.length === 0
          ? 'nothing released to you.'
          : totals.map((t, i) => (
              <span key={t.currency}>
                {i > 0 ? ', ' : ''}
                <Money cents={t.netCents} currency={t.currency} /> net after{' '}
                <Money cents={t.feeCents} currency={t.currency} /> in fees
              </span>
            ))}
      </ReportPeriodSummary>
      {byMonth.length > 0 ? (
        <Card title="Net by month">
          <BarChart
            currency={chartCurrency}
            title={`Net earned by month, ${periodText}, in ${chartCurrency}; the table below has the figures.`}
            bars={byMonth
              .filter((r) => r.currency === chartCurrency)
              .map((r) => ({ key: r.key, label: r.label, cents: r.netCents }))}
          />
        </Card>
      ) : null}
      <ReportTables
        tables={TABLES.map((t) => ({
          by: t.by,
          title: t.title,
          columns: columnsFor(t.first, t.by),
          rows: rowsOf[t.by],
        }))}
        exportPath="/earnings/reports/export"
        periodQuery={qs}
        caption={(title) => `Earnings ${title.toLowerCase()}, ${periodText}`}
        emptyText="Payments appear here once a client’s payment is released to you."
      />
    </>
  );
}
