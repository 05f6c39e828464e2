import type { Metadata } from 'next';
import Link from 'next/link';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { loadClientProposal } from '../load-proposal';
import { DeclineForm } from './decline-form';

export const metadata: Metadata = { title: 'Decline the proposal' };

type Props = { params: Promise<{ id: string; proposalId: string }> };

/** "Decline …’s proposal?": what declining does, before the action does it. */
export default async function DeclineProposalPage({ params }: Props) {
  const { found, name, base: back } = await loadClientProposal(params);
  if (!['submitted', 'shortlisted', 'archived'].includes(found.proposal.status)) {
    return (
      <>
        <h1>Decline the proposal</h1>
        <p>
          This proposal is no longer under review, so there is nothing to decline.{' '}
          <Link href={back}>Back to the proposal</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p>
        <Link href={back}>Back to the proposal</Link>
      </p>
      <h1>Decline the proposal</h1>
      <ConfirmStep
        question={`Decline ${name}’s proposal for “${found.job.title}”?`}
        cancelHref={back}
        cancelLabel="Cancel, keep the proposal"
        consequences={[
          'This cannot be undone: you can no longer send an offer from this proposal.',
          `We email ${name} that you declined, with your reason if you give one.`,
          'The proposal and its message thread stay where they are.',
        ]}
      >
        <DeclineForm proposalId={found.proposal.id} />
      </ConfirmStep>
    </>
  );
}
