import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { OfferSummary } from '@/components/offer/offer-summary';
import { describeRequirement, complianceRequirement } from '@/lib/compliance/rule';
import { hashTerms } from '@/lib/contracts/service';
import { loadTerms } from '@/lib/invites/service';
import { enterStep } from '../../context';
import { ContinueToNext, StepRail } from '../../step-rail';
import { DecisionForms } from './decision-forms';

export const metadata: Metadata = { title: 'Review the contract' };

export default async function ContractReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const { ctx } = await enterStep('contract');
  const contract = ctx.contracts.find((c) => c.id === id);
  if (!contract) notFound();
  const { db } = await getDatabase();
  const terms = await loadTerms(db, contract.inviteId);
  if (!terms) notFound();
  const requirement = complianceRequirement({
    clientType: contract.workspaceType,
    contract:
      terms.kind === 'hourly'
        ? { kind: 'hourly', weeklyLimitHours: terms.weeklyLimitHours }
        : { kind: 'fixed' },
  });
  const who = contract.inviterName
    ? `${contract.inviterName} of ${contract.workspaceName}`
    : contract.workspaceName;
  return (
    <>
      <StepRail current="contract" />
      <h1>Review the contract</h1>
      <p>Offered by {who}. Read every term; what you accept is kept as a signed snapshot.</p>
      <OfferSummary terms={terms} audience="freelancer" />
      <p>{describeRequirement(requirement, 'freelancer')}</p>
      {contract.status === 'offered' ? (
        <DecisionForms contractId={contract.id} termsHash={hashTerms(terms)} />
      ) : (
        <p className="notice success">
          You have decided on this offer: {contract.status.replace('_', ' ')}.
        </p>
      )}
      <ContinueToNext current="contract" />
    </>
  );
}
