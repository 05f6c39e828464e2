import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { DefinitionList } from '@/components/ui/definition-list';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { now } from '@/lib/clock';
import { formatLongDate, formatLongDateTime } from '@/lib/dates/format';
import { loadDiaryWeek } from '@/lib/hourly/diary';
import {
  dayTitle,
  hoursText,
  localSpanText,
  notRecordedMessage,
  utcSpanText,
} from '@/lib/hourly/display';
import { notRecordedParamsSchema, weekParamSchema } from '@/lib/hourly/schemas';
import { weekStartFromDate, weekStartOf } from '@/lib/hourly/week';
import { EntryTable } from './entry-table';
import { loadDiaryContract } from './load-contract';
import { ManualEntryForm } from './manual-entry-form';
import { RunningClock } from './running-clock';
import { timeZoneOfViewer } from '../../viewer';
import styles from './diary.module.css';
import { StartTimerForm, StopTimerForm } from './timer-form';

export const metadata: Metadata = { title: 'Work diary', robots: { index: false } };
export const dynamic = 'force-dynamic';

const NOTICES: Record<string, string> = {
  started: 'Timer started.',
  stopped: 'Timer stopped: the time is in your diary.',
  added: 'Manual time added.',
  edited: 'Entry saved.',
  deleted: 'Entry deleted.',
};

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{
    week?: string;
    notice?: string;
    skipped?: string;
    closed?: string;
    cut?: string;
  }>;
};

/**
 * The work diary of an hourly contract (SPEC 4.C), one UTC week at a time (`?week=` its
 * Monday). The freelancer writes; the client and ops read the same page without the forms.
 */
export default async function DiaryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { week, notice, ...left } = await searchParams;
  const { db, contract, side, viewer } = await loadDiaryContract(id);
  const at = now();
  const asked = weekParamSchema.safeParse(week);
  const weekStart = asked.success ? weekStartFromDate(asked.data) : weekStartOf(at);
  // Each side reads its own zone beside UTC; ops (no zone of their own) the freelancer's.
  const readerZone = side === 'ops' ? undefined : timeZoneOfViewer(viewer, side);
  const diary = await loadDiaryWeek(db, { contract, side }, weekStart, at, readerZone);
  const skipped = notice === 'stopped' ? notRecordedParamsSchema.safeParse(left) : null;
  const message = skipped?.success
    ? notRecordedMessage({
        minutes: skipped.data.skipped,
        closedWeeks: skipped.data.closed,
        cutBy: skipped.data.cut ?? null,
      })
    : notice
      ? NOTICES[notice]
      : undefined;
  const base = `/contracts/${contract.id}/diary`;
  const currentWeek = weekStartOf(at).getTime() === weekStart.getTime();
  const lastDay = new Date(weekStart.getTime() + 6 * 86_400_000);
  const running = diary.runningTimer;

  return (
    <>
      <PageHeader
        title="Work diary"
        back={<Link href={`/contracts/${contract.id}`}>← {contract.title}</Link>}
        description={
          side === 'freelancer'
            ? 'Record your time with the timer or, where the contract allows it, by hand. Weeks run Monday to Sunday in UTC.'
            : "The freelancer's recorded time, read-only. Weeks run Monday to Sunday in UTC."
        }
      />
      {message && (
        <Notice tone={skipped?.success ? 'warning' : 'success'} announce>
          {message}
        </Notice>
      )}

      <nav className={styles.weekNav} aria-label="Weeks">
        <Link href={`${base}?week=${diary.previousWeek}`}>← Week of {diary.previousWeek}</Link>
        {!currentWeek && <Link href={base}>This week</Link>}
        {diary.nextWeek && (
          <Link href={`${base}?week=${diary.nextWeek}`}>Week of {diary.nextWeek} →</Link>
        )}
      </nav>

      <Card title={`Week of ${formatLongDate(weekStart)} to ${formatLongDate(lastDay)} (UTC)`}>
        <DefinitionList
          items={[
            { label: 'Recorded', value: hoursText(diary.minutes) },
            { label: 'Billable', value: hoursText(diary.billableMinutes) },
            {
              label: 'Weekly limit',
              value: diary.hasLimit
                ? hoursText(diary.limitMinutes)
                : 'No limit (168 h, the whole week, at most)',
            },
            ...(diary.minutes > diary.billableMinutes
              ? [
                  {
                    label: 'Over the limit, not billed',
                    value: hoursText(diary.minutes - diary.billableMinutes),
                  },
                ]
              : []),
            {
              label: diary.isOpen ? 'Open for changes until' : 'Closed for changes since',
              value: formatLongDateTime(diary.editDeadline),
            },
            ...(diary.timeZone !== 'UTC'
              ? [{ label: 'Times also in', value: diary.timeZone }]
              : []),
          ]}
        />
      </Card>

      {diary.endedNotice && <Notice tone="info">{diary.endedNotice}</Notice>}

      {diary.canWrite && (
        <Card title="Timer">
          {running?.here ? (
            <>
              <p>
                Running since {utcSpanText(running.startedAt, null).replace('from ', '')}
                {localSpanText(running.startedAt, null, diary.timeZone) &&
                  ` (${localSpanText(running.startedAt, null, diary.timeZone)!.replace('from ', '')})`}
                {running.memo ? `: ${running.memo}` : ''}. Elapsed:{' '}
                <RunningClock
                  startedAt={running.startedAt.toISOString()}
                  renderedAt={at.toISOString()}
                />
                .
              </p>
              <p className="hint">Every 10-minute segment the timer runs in counts whole.</p>
              <StopTimerForm contractId={contract.id} />
            </>
          ) : running ? (
            <Notice tone="warning">
              Your timer is running on another contract.{' '}
              <Link href={`/contracts/${running.contractId}/diary`}>Stop it there</Link> to start
              one here.
            </Notice>
          ) : diary.pauseReason ? (
            <Notice tone="warning">{diary.pauseReason}</Notice>
          ) : (
            <StartTimerForm contractId={contract.id} />
          )}
        </Card>
      )}

      {diary.canWrite && diary.allowManualTime && !diary.pauseReason && (
        <Card title="Add manual time">
          <p className="hint">
            Manual time is billed like tracked time but is not covered by payment protection. Times
            are in UTC.
          </p>
          <ManualEntryForm contractId={contract.id} today={at.toISOString().slice(0, 10)} />
        </Card>
      )}
      {diary.canWrite && !diary.allowManualTime && (
        <p className="muted">This contract does not allow manual time: use the timer.</p>
      )}

      {diary.days.map((day) => (
        <Card
          key={day.date}
          title={`${dayTitle(day.date)}: ${hoursText(day.minutes)}${
            day.billableMinutes < day.minutes ? `, ${hoursText(day.billableMinutes)} billable` : ''
          }`}
        >
          {day.entries.length === 0 ? (
            <p className="muted">No time recorded.</p>
          ) : (
            <EntryTable day={day} contractId={contract.id} timeZone={diary.timeZone} />
          )}
        </Card>
      ))}
    </>
  );
}
