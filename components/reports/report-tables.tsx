import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { DataTable, type Column } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import type { PeriodResult } from '@/lib/reports/period';
import { describePeriod } from '@/lib/reports/period';
import { PeriodForm } from './period-form';

/** The period form and the sentence that sums the period up (what a report page opens with). */
export function ReportPeriodSummary({
  action,
  parsed,
  query,
  children,
}: {
  action: string;
  parsed: PeriodResult;
  query: { from?: string; to?: string };
  /** The period's totals, or what to say when it has none. */
  children: ReactNode;
}) {
  const { period } = parsed;
  return (
    <>
      <PeriodForm
        action={action}
        from={parsed.ok ? period.fromMonth : (query.from ?? '')}
        to={parsed.ok ? period.toMonth : (query.to ?? '')}
        fieldErrors={parsed.ok ? {} : parsed.fieldErrors}
      />
      <p role="status">
        {parsed.ok ? '' : 'That period could not be read, so this shows the last 12 months. '}
        {describePeriod(period)} (UTC): {children}
      </p>
    </>
  );
}

export type ReportTable<Row> = {
  by: string;
  title: string;
  columns: Column<Row>[];
  rows: Row[];
};

/** One card a grouping: its table (or an empty state) and a CSV download of the same rows. */
export function ReportTables<Row extends { key: string; currency: string }>({
  tables,
  exportPath,
  periodQuery,
  caption,
  emptyText,
}: {
  tables: ReportTable<Row>[];
  /** The CSV route; `by` and the period are added to its query. */
  exportPath: string;
  periodQuery: string;
  /** The table's caption from its title, e.g. "Earnings by month, January 2026 – …". */
  caption: (title: string) => string;
  emptyText: string;
}) {
  return tables.map((table) => (
    <Card
      key={table.by}
      title={table.title}
      actions={
        <a href={`${exportPath}?by=${table.by}&${periodQuery}`} download>
          Download CSV ({table.title.toLowerCase()})
        </a>
      }
    >
      {table.rows.length === 0 ? (
        <EmptyState title="Nothing in this period.">{emptyText}</EmptyState>
      ) : (
        <DataTable
          caption={caption(table.title)}
          columns={table.columns}
          rows={table.rows}
          rowKey={(r) => `${r.key}:${r.currency}`}
        />
      )}
    </Card>
  ));
}
