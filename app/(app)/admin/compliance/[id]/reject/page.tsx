import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import { earliestResubmission } from '@/lib/compliance/questions';
import { loadCheckForReview } from '@/lib/compliance/review';
import { formatComplianceDate } from '@/lib/compliance/state';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { requireAdmin } from '../../../require-admin';
import { RejectForm } from './reject-form';

export const metadata: Metadata = { title: 'Reject a compliance check', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** "Reject …'s check?": what a rejection does, before the action does it. */
export default async function RejectCheckPage({ params }: Props) {
  const { requester } = await requireAdmin();
  const { id } = await params;
  const { db } = await getDatabase();
  const review = await loadCheckForReview(db, requester, id);
  if (!review) notFound();
  const { check, freelancer, waitingContracts } = review;
  const back = `/admin/compliance/${check.id}`;
  const waiting = waitingContracts.length;
  return (
    <>
      <p>
        <Link href={back}>Back to the check</Link>
      </p>
      <h1>Reject a compliance check</h1>
      {check.status !== 'submitted' ? (
        <p>This check is already decided, so there is nothing to reject.</p>
      ) : (
        <ConfirmStep
          question={`Reject the compliance check of ${freelancer.name}?`}
          cancelHref={back}
          cancelLabel="Cancel, go back to the check"
          consequences={[
            `We email ${freelancer.name} (${freelancer.email}) the rejection with your reason; they also see it on their compliance page.`,
            `They cannot submit a new check before ${formatComplianceDate(earliestResubmission(new Date()))} (60 days).`,
            waiting === 0
              ? 'No contract is waiting for this check right now.'
              : `${waiting === 1 ? 'The contract' : `The ${waiting} contracts`} waiting for this check cannot start until a later check is approved.`,
            'A decision cannot be changed afterwards.',
          ]}
        >
          <RejectForm checkId={check.id} />
        </ConfirmStep>
      )}
    </>
  );
}
