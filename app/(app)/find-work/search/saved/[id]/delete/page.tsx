import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { listSavedSearchRows } from '@/lib/job-search/saved';
import { requireFreelancerViewer } from '../../../../../settings/viewer';
import { DeleteSavedSearchForm } from '../../../saved-forms';

export const metadata: Metadata = { title: 'Delete a saved search', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

/** "Delete …?": what deleting a saved search does, before the action does it. */
export default async function DeleteSavedSearchPage({ params }: Props) {
  const viewer = await requireFreelancerViewer();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { db } = await getDatabase();
  // Only the viewer's own searches are listed, so another person's id finds nothing.
  const saved = (await listSavedSearchRows(db, viewer.user.id)).find((s) => s.id === id);
  if (!saved) notFound();
  return (
    <>
      <h1>Delete a saved search</h1>
      <ConfirmStep
        question={`Delete the saved search “${saved.name}”?`}
        cancelHref="/find-work/search"
        consequences={[
          'Its daily email of new matching jobs stops.',
          'It leaves your Find Work feed and the list of saved searches.',
          'You can save the same search again later; what was new since your last visit starts afresh.',
        ]}
      >
        <DeleteSavedSearchForm id={saved.id} name={saved.name} />
      </ConfirmStep>
    </>
  );
}
