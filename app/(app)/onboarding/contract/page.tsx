import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { enterStep } from '../context';
import { StepRail } from '../step-rail';

export const metadata: Metadata = { title: 'Review the contract' };

export default async function ContractStepPage() {
  const { ctx } = await enterStep('contract');
  const offered = ctx.contracts.filter((c) => c.status === 'offered');
  if (offered.length === 1) redirect(`/onboarding/contract/${offered[0].id}`);
  return (
    <>
      <StepRail current="contract" />
      <h1>Review the contract</h1>
      {offered.length === 0 ? (
        <p>
          You have no offer waiting for a decision.{' '}
          <Link href="/onboarding">Back to your checklist</Link>.
        </p>
      ) : (
        <ul>
          {offered.map((c) => (
            <li key={c.id}>
              <Link href={`/onboarding/contract/${c.id}`}>{c.title}</Link> from {c.workspaceName}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
