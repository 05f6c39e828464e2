import Link from 'next/link';
import { DefinitionList } from '@/components/ui/definition-list';
import { Money } from '@/components/ui/money';
import { PageHeader } from '@/components/ui/page-header';
import { amountOf, STATUS_LABELS, type MilestoneWork } from '@/lib/milestones/work-state';

const utc = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The milestone's name, amount and state, at the top of each of its work pages. */
export function MilestoneWorkSummary({ work, title }: { work: MilestoneWork; title: string }) {
  const state = work.state;
  const base = `/contracts/${work.contract.id}/milestones/${work.milestone.id}`;
  const items = [
    { label: 'Contract', value: work.contract.title },
    { label: 'Amount', value: <Money cents={amountOf(work)} currency={work.milestone.currency} /> },
    { label: 'State', value: STATUS_LABELS[state?.status ?? 'unfunded'] },
  ];
  if (state?.status === 'submitted' && state.autoApproveAt) {
    items.push({ label: 'Approved automatically on', value: utc(state.autoApproveAt) });
  }
  if (state?.status === 'refund_requested') {
    items.push({
      label: 'Refund request',
      value: state.opsReviewSince
        ? `With ops since ${utc(state.opsReviewSince)}`
        : `The freelancer answers by ${utc(state.refundAnswerDueAt!)}`,
    });
  }
  return (
    <>
      <PageHeader
        title={title}
        description={`Milestone ${work.milestone.position}: ${work.milestone.description}`}
        back={<Link href={base}>← The milestone</Link>}
      />
      <DefinitionList items={items} />
    </>
  );
}

export { utc };
