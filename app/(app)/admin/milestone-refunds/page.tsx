import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Money } from '@/components/ui/money';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db';
import { listRefundsForOps } from '@/lib/milestones/refunds';
import { requireAdmin } from '../require-admin';
import { RefundDecisionForm } from './decision-form';

export const metadata: Metadata = { title: 'Milestone refunds', robots: { index: false } };

const NOTICES: Record<string, string> = {
  refunded: 'Refunded to the client. Both sides have been emailed.',
  released: 'Released to the freelancer. Both sides have been emailed.',
};

const utc = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const EVENT_LABELS: Record<string, string> = {
  refund_requested: 'Client asked',
  refund_refused: 'Freelancer refused (or no answer)',
};

/** The ops queue: refund requests the freelancer refused or left unanswered for 7 days. */
export default async function MilestoneRefundsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requireAdmin();
  const query = await searchParams;
  const { db } = await getDatabase();
  const items = await listRefundsForOps(db);
  return (
    <>
      <PageHeader
        title="Milestone refunds"
        description="Refund requests refused by the freelancer or unanswered after 7 days: refund the client, or release the money to the freelancer."
      />
      {query.notice && NOTICES[query.notice] && (
        <Notice tone="success" announce>
          {NOTICES[query.notice]}
        </Notice>
      )}
      {items.length === 0 ? (
        <EmptyState title="Nothing to decide">No refund request is waiting for ops.</EmptyState>
      ) : (
        items.map((item) => (
          <Card key={item.milestoneId} title={`${item.contractTitle}: ${item.milestoneName}`}>
            <p>
              <Money cents={item.amountCents} currency={item.currency} /> in escrow · with ops since{' '}
              {utc(item.opsReviewSince)}
            </p>
            <ul>
              {item.history.map((h) => (
                <li key={`${h.type}-${h.at.toISOString()}`}>
                  {utc(h.at)}: {EVENT_LABELS[h.type] ?? h.type}
                  {h.message ? `: “${h.message}”` : ''}
                </li>
              ))}
            </ul>
            <RefundDecisionForm contractId={item.contractId} milestoneId={item.milestoneId} />
          </Card>
        ))
      )}
    </>
  );
}
