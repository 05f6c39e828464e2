import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { formatMoney } from '@/lib/money/money';
import { amountOf } from '@/lib/milestones/work-state';
import { loadMilestoneWork, type MilestoneParams } from '../../load-milestone-work';
import { MilestoneWorkSummary } from '../../milestone-work-summary';
import { ReleaseNowForm } from '../review-forms';

export const metadata: Metadata = { title: 'Release the milestone now', robots: { index: false } };

/** The confirmation step of "release now" (a page of its own: it works without JavaScript). */
export default async function ReleaseNowPage(props: MilestoneParams) {
  const { work } = await loadMilestoneWork(props);
  if (work.side !== 'client') notFound();
  const base = `/contracts/${work.contract.id}/milestones/${work.milestone.id}`;
  const amount = formatMoney(amountOf(work), work.milestone.currency);
  return (
    <>
      <MilestoneWorkSummary work={work} title="Release the milestone now" />
      <ConfirmStep
        question={`Release ${amount} for “${work.milestone.description}” now?`}
        consequences={[
          'The money leaves escrow for good: you cannot ask for it back afterwards.',
          'The service fee goes to the platform and the rest to the freelancer, available to them 5 days later.',
          'The freelancer is emailed.',
        ]}
        cancelHref={`${base}/review`}
      >
        <ReleaseNowForm contractId={work.contract.id} milestoneId={work.milestone.id} />
      </ConfirmStep>
    </>
  );
}
