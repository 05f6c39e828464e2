import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { now } from '@/lib/clock';
import { findOwnDiaryEntry } from '@/lib/hourly/diary';
import { utcSpanText } from '@/lib/hourly/display';
import { weekStartDate } from '@/lib/hourly/week';
import { loadDiaryContract } from '../../load-contract';
import { EditEntryForm } from './edit-form';

export const metadata: Metadata = { title: 'Edit a time entry', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string; entryId: string }> };

const hhmm = (at: Date) => at.toISOString().slice(11, 16);

/** The freelancer's own entry: the memo, and a manual entry's date and times. */
export default async function EditEntryPage({ params }: Props) {
  const { id, entryId } = await params;
  const { db, viewer, contract, side } = await loadDiaryContract(id);
  const found = await findOwnDiaryEntry(db, { contract, side }, entryId, viewer.user.id, now());
  if (!found) notFound();
  const { entry, editable } = found;
  const back = `/contracts/${contract.id}/diary?week=${weekStartDate(entry.startedAt)}`;
  const date = entry.startedAt.toISOString().slice(0, 10);
  const end = entry.endedAt;
  const to = end && end.toISOString().slice(0, 10) !== date ? '24:00' : end ? hhmm(end) : '';
  return (
    <>
      <PageHeader
        title="Edit a time entry"
        back={<Link href={back}>← Work diary</Link>}
        description={`${entry.kind === 'manual' ? 'Manual' : 'Tracked'} time on ${date}, ${utcSpanText(entry.startedAt, entry.endedAt)}.`}
      />
      <Card>
        {editable ? (
          <EditEntryForm
            entryId={entry.id}
            manual={entry.kind === 'manual'}
            values={{ memo: entry.memo, date, from: hhmm(entry.startedAt), to }}
          />
        ) : (
          <Notice tone="warning">
            This entry can no longer change:{' '}
            {entry.invoiceId ? 'it is on an invoice' : 'its week is closed'}.
          </Notice>
        )}
      </Card>
    </>
  );
}
