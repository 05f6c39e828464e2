import type { Metadata } from 'next';
import { Notice } from '@/components/ui/notice';
import { loadMilestoneWork, type MilestoneParams } from '../load-milestone-work';
import { MilestoneWorkSummary } from '../milestone-work-summary';
import { RefundAnswerForm, RefundRequestForm } from './refund-forms';

export const metadata: Metadata = { title: 'Milestone refund', robots: { index: false } };

type Search = { searchParams: Promise<Record<string, string | undefined>> };

const NOTICES: Record<string, string> = {
  requested: 'Refund requested. The freelancer has 7 days to answer; then ops decides.',
  refunded: 'Refunded. The client has been emailed and the money goes back to their card.',
  refused: 'Refused. Ops now decide; both of you will be emailed.',
};

/**
 * The client asks for a funded, unsubmitted milestone's money back; the freelancer answers
 * (agree: refunded at once; refuse: ops decides). Ops decide at /admin/milestone-refunds.
 */
export default async function MilestoneRefundPage(props: MilestoneParams & Search) {
  const { work } = await loadMilestoneWork(props);
  const query = await props.searchParams;
  const state = work.state;
  const status = state?.status ?? 'unfunded';
  const ids = { contractId: work.contract.id, milestoneId: work.milestone.id };
  const waitingForFreelancer = status === 'refund_requested' && !state?.opsReviewSince;
  return (
    <>
      <MilestoneWorkSummary work={work} title="Milestone refund" />
      {query.notice && NOTICES[query.notice] && (
        <Notice tone="success" announce>
          {NOTICES[query.notice]}
        </Notice>
      )}
      {work.side === 'client' && status === 'funded' && (
        <>
          <p>
            The milestone is funded and has no submission yet. The freelancer agrees to the refund
            or refuses it within 7 days; after a refusal, or without an answer, ops decides.
          </p>
          <RefundRequestForm {...ids} />
        </>
      )}
      {work.side === 'freelancer' && waitingForFreelancer && (
        <>
          <p>
            The client asks for this milestone’s money back. Agree and it is refunded at once;
            refuse and ops decides. Without an answer by the date above, ops decides.
          </p>
          <RefundAnswerForm {...ids} />
        </>
      )}
      {status === 'refund_requested' && state?.opsReviewSince && (
        <p>Ops decide this request: refund the client, or release the money to the freelancer.</p>
      )}
      {work.side === 'client' && waitingForFreelancer && (
        <p>Waiting for the freelancer’s answer.</p>
      )}
      {status === 'refunded' && <p>This milestone was refunded to the client.</p>}
      {status === 'released' && <p>This milestone was released to the freelancer.</p>}
      {(status === 'submitted' || status === 'changes_requested') && (
        <p>Work was submitted for this milestone, so it is reviewed rather than refunded.</p>
      )}
      {(status === 'unfunded' || status === 'funding') && (
        <p>This milestone isn&rsquo;t funded; there is nothing to refund.</p>
      )}
    </>
  );
}
