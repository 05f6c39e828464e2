import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { findOwnProposalById, isWithdrawable, whyNotWithdrawable } from '@/lib/proposals/service';
import { requireFreelancerViewer } from '../../../settings/viewer';
import { WithdrawProposalForm } from './withdraw-form';

export const metadata: Metadata = { title: 'Withdraw a proposal', robots: { index: false } };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

/** "Withdraw …?": what withdrawing does, before the action does it (it checks again). */
export default async function WithdrawProposalPage({ params }: Props) {
  const viewer = await requireFreelancerViewer();
  const { id } = await params;
  const { db } = await getDatabase();
  const found = await findOwnProposalById(db, { freelancerId: viewer.user.id, proposalId: id });
  if (!found) notFound();
  const { proposal, job } = found;
  return (
    <>
      <h1>Withdraw a proposal</h1>
      {isWithdrawable(proposal.status) ? (
        <ConfirmStep
          question={`Withdraw your proposal for “${job.title}”?`}
          cancelHref={`/proposals/${proposal.id}`}
          consequences={[
            'The client no longer sees it among the job’s proposals and cannot send you an offer from it.',
            'You cannot send another proposal to this job: one per job, withdrawn or not.',
            'Your messages with the client stay.',
          ]}
        >
          <WithdrawProposalForm proposalId={proposal.id} />
        </ConfirmStep>
      ) : (
        <p className="notice">
          {whyNotWithdrawable(proposal.status)}{' '}
          <Link href={`/proposals/${proposal.id}`}>Back to your proposal</Link>
        </p>
      )}
    </>
  );
}
