import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { enterStep } from '../../../context';
import { StepRail } from '../../../step-rail';
import { DeclineForm } from './decline-form';

export const metadata: Metadata = { title: 'Decline the offer' };

type Props = { params: Promise<{ id: string }> };

/** "Decline …?": what declining does, and the reason the client will read, before it is done. */
export default async function DeclineOfferPage({ params }: Props) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { ctx } = await enterStep('contract');
  // The freelancer's own contracts only: another person's contract id finds nothing.
  const contract = ctx.contracts.find((c) => c.id === id);
  if (!contract) notFound();
  const back = `/onboarding/contract/${contract.id}`;
  const client = contract.inviterName ?? contract.workspaceName;
  return (
    <>
      <StepRail current="contract" />
      <h1>Decline the offer</h1>
      {contract.status !== 'offered' ? (
        <p>
          You have already decided on this offer. <Link href={back}>Back to the offer</Link>
        </p>
      ) : (
        <ConfirmStep
          question={`Decline “${contract.title}” from ${contract.workspaceName}?`}
          cancelHref={back}
          cancelLabel="Cancel, go back to the offer"
          consequences={[
            `We email ${client} that you declined, with the reason you give below.`,
            'The offer closes: you cannot accept it later. To work together, the client would send a new invite.',
            'Your account stays, and so do your other offers and contracts.',
          ]}
        >
          <DeclineForm contractId={contract.id} />
        </ConfirmStep>
      )}
    </>
  );
}
