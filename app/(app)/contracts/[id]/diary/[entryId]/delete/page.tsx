import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { PageHeader } from '@/components/ui/page-header';
import { Notice } from '@/components/ui/notice';
import { now } from '@/lib/clock';
import { findOwnDiaryEntry } from '@/lib/hourly/diary';
import { hoursText, utcSpanText } from '@/lib/hourly/display';
import { minutesOf } from '@/lib/hourly/billable';
import { weekStartDate } from '@/lib/hourly/week';
import { loadDiaryContract } from '../../load-contract';
import { DeleteEntryForm } from './delete-form';

export const metadata: Metadata = { title: 'Delete a time entry', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string; entryId: string }> };

/** "Delete 09:00–10:30 UTC of 2026-12-01?": what deleting does, before the action does it. */
export default async function DeleteEntryPage({ params }: Props) {
  const { id, entryId } = await params;
  const { db, viewer, contract, side } = await loadDiaryContract(id);
  const found = await findOwnDiaryEntry(db, { contract, side }, entryId, viewer.user.id, now());
  if (!found) notFound();
  const { entry, editable } = found;
  const back = `/contracts/${contract.id}/diary?week=${weekStartDate(entry.startedAt)}`;
  const date = entry.startedAt.toISOString().slice(0, 10);
  const span = utcSpanText(entry.startedAt, entry.endedAt);
  const hours = entry.endedAt
    ? hoursText(minutesOf({ startedAt: entry.startedAt, endedAt: entry.endedAt }))
    : null;
  return (
    <>
      <PageHeader title="Delete a time entry" back={<Link href={back}>← Work diary</Link>} />
      {editable ? (
        <ConfirmStep
          question={`Delete the entry of ${date}, ${span}?`}
          cancelHref={back}
          consequences={[
            entry.endedAt
              ? `Its ${hours} leave your diary and will not be billed.`
              : 'The running timer is discarded: none of its time is kept.',
            entry.kind === 'tracked'
              ? 'Tracked time cannot be recorded again afterwards: the timer only records the present.'
              : 'You can add the time again by hand while the week is open.',
          ]}
        >
          <DeleteEntryForm entryId={entry.id} label={`${date}, ${span}`} />
        </ConfirmStep>
      ) : (
        <Notice tone="warning">
          This entry can no longer change:{' '}
          {entry.invoiceId ? 'it is on an invoice' : 'its week is closed'}.
        </Notice>
      )}
    </>
  );
}
