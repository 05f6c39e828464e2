import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { getDatabase } from '@/db';
import { now } from '@/lib/clock';
import { formatDateAndTime } from '@/lib/dates/format';
import { listOpsQueue } from '@/lib/hourly/dispute-queries';
import { formatMoney } from '@/lib/money/money';
import { requireAdmin } from '../require-admin';

export const metadata: Metadata = { title: 'Disputes awaiting ops', robots: { index: false } };

type Props = { searchParams: Promise<{ notice?: string }> };

/**
 * Disputes the freelancer rejected, oldest due date first, so the overdue ones lead
 * (flagged). A missed due date decides nothing: the dispute waits here until ops decides.
 */
export default async function DisputeQueuePage({ searchParams }: Props) {
  await requireAdmin();
  const { notice } = await searchParams;
  const { db } = await getDatabase();
  const queue = await listOpsQueue(db, now());
  return (
    <>
      <h1>Disputes awaiting ops</h1>
      {notice === 'decided' && (
        <Notice tone="success" announce>
          Decided: both sides are emailed and the money has moved.
        </Notice>
      )}
      {queue.length === 0 ? (
        <p>No dispute is waiting for a decision.</p>
      ) : (
        queue.map((item) => {
          const disputed = formatMoney(item.disputedCents, item.currency);
          return (
            <Card
              key={item.id}
              title={`${item.contractTitle}: ${item.invoiceNumber}, ${disputed}`}
              tone={item.isOverdue ? 'danger' : undefined}
            >
              <p>
                {item.isOverdue ? <strong>Overdue. </strong> : null}
                Decide by {item.opsDueAt ? formatDateAndTime(item.opsDueAt) : '—'}.{' '}
                <Link href={`/contracts/${item.contractId}/disputes/${item.id}`}>
                  The dispute and its entries
                </Link>
              </p>
              <p>Client: “{item.reason}”</p>
              <p>Freelancer: “{item.freelancerAnswer}”</p>
              <p>
                <Link href={`/admin/disputes/${item.id}`}>Decide…</Link>
              </p>
            </Card>
          );
        })
      )}
    </>
  );
}
