import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import type { DiaryDay, DiaryEntry } from '@/lib/hourly/diary';
import { coverageText } from '@/lib/hourly/coverage';
import { hoursText, localSpanText, utcSpanText } from '@/lib/hourly/display';
import styles from './diary.module.css';

/** One day's entries: times (UTC, and the reader's zone), memo, kind, billing, protection. */
export function EntryTable({
  day,
  contractId,
  timeZone,
}: {
  day: DiaryDay;
  contractId: string;
  timeZone: string;
}) {
  const showActions = day.entries.some((e) => e.editable);
  return (
    <DataTable<DiaryEntry>
      caption={`Entries of ${day.date} (UTC)`}
      rowKey={(e) => e.id}
      rows={day.entries}
      columns={[
        {
          label: 'Time',
          primary: true,
          cell: (e) => {
            const local = localSpanText(e.startedAt, e.endedAt, timeZone);
            return (
              <>
                {utcSpanText(e.startedAt, e.endedAt)}
                {local && <span className={styles.local}>{local}</span>}
              </>
            );
          },
        },
        { label: 'Memo', cell: (e) => e.memo || <span className="muted">No memo</span> },
        {
          label: 'Kind',
          cell: (e) =>
            e.endedAt === null ? 'Tracked (running)' : e.kind === 'tracked' ? 'Tracked' : 'Manual',
        },
        {
          label: 'Hours',
          align: 'end',
          cell: (e) =>
            e.endedAt === null
              ? '—'
              : e.billableMinutes === e.minutes
                ? hoursText(e.minutes)
                : `${hoursText(e.minutes)} (${hoursText(e.billableMinutes)} billed; the rest is over the limit, not billed)`,
        },
        {
          label: 'Payment protection',
          cell: (e) => (
            <span
              className={`${styles.badge} ${e.coverage.covered ? styles.covered : styles.uncovered}`}
              data-coverage={e.coverage.covered ? 'covered' : 'not-covered'}
            >
              {coverageText(e.coverage)}
            </span>
          ),
        },
        ...(showActions
          ? [
              {
                label: 'Change',
                cell: (e: DiaryEntry) =>
                  e.editable ? (
                    <span className={styles.rowActions}>
                      <Link href={`/contracts/${contractId}/diary/${e.id}/edit`}>
                        Edit
                        <span className="visually-hidden">
                          {' '}
                          the entry {utcSpanText(e.startedAt, e.endedAt)} of {day.date}
                        </span>
                      </Link>
                      <Link href={`/contracts/${contractId}/diary/${e.id}/delete`}>
                        Delete
                        <span className="visually-hidden">
                          {' '}
                          the entry {utcSpanText(e.startedAt, e.endedAt)} of {day.date}
                        </span>
                      </Link>
                    </span>
                  ) : e.invoiced ? (
                    'Invoiced'
                  ) : (
                    '—'
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
