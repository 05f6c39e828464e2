import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { requireViewer } from '@/lib/auth/session';
import { endingConsequences } from '@/lib/contract-ending/consequences';
import { milestonesAtEnding, whyNotEndable } from '@/lib/contract-ending/service';
import { findContractForViewer } from '@/lib/contracts/access';
import { contractViewerOf } from '../../viewer';
import { EndContractForm } from './end-form';

export const metadata: Metadata = { title: 'End contract', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/**
 * The client ends a contract: this page says what happens (nothing changes until the form
 * is posted), then the confirmation with a required message to the freelancer.
 */
export default async function EndContractPage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const { db } = await getDatabase();
  const found = await findContractForViewer(db, id, contractViewerOf(viewer));
  if (!found) notFound();
  const { contract, side } = found;
  const header = (
    <PageHeader
      title="End contract"
      back={<Link href={`/contracts/${contract.id}`}>← {contract.title}</Link>}
    />
  );
  if (side !== 'client') {
    return (
      <>
        {header}
        <Notice tone="info">
          Only the client ends a contract. If you want it to end, tell them: they end it from this
          page.
        </Notice>
      </>
    );
  }
  const refused = whyNotEndable(contract);
  if (refused) {
    return (
      <>
        {header}
        <Notice tone="warning">{refused.message}</Notice>
      </>
    );
  }
  const milestones = contract.kind === 'fixed' ? await milestonesAtEnding(db, contract.id) : [];
  return (
    <>
      {header}
      <Card title="What happens when you end it">
        <ul>
          {endingConsequences(contract.kind, milestones).map((line) => (
            <li key={line}>{line}</li>
          ))}
          <li>The freelancer is emailed your message. Ending cannot be undone.</li>
        </ul>
      </Card>
      <EndContractForm contractId={contract.id} />
    </>
  );
}
