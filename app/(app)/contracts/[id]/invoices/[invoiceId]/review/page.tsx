import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db';
import { requireViewer } from '@/lib/auth/session';
import { formatWithUtc } from '@/lib/dates/with-utc';
import { findInvoiceForReview } from '@/lib/hourly/review';
import { formatMoney } from '@/lib/money/money';
import { timeZoneOfViewer } from '../../../../viewer';
import { presentDays } from './present';
import { DisputeForm } from './review-forms';

export const metadata: Metadata = { title: 'Review the week', robots: { index: false } };

type Props = {
  params: Promise<{ id: string; invoiceId: string }>;
  searchParams: Promise<{ notice?: string }>;
};

const ids = z.object({ id: z.uuid(), invoiceId: z.uuid() });

export default async function ReviewInvoicePage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const parsed = ids.safeParse(await params);
  if (!parsed.success) notFound();
  const { id, invoiceId } = parsed.data;
  const { notice } = await searchParams;
  const { db } = await getDatabase();
  const review = await findInvoiceForReview(
    db,
    { userId: viewer.user.id, workspaceId: viewer.workspace?.id ?? null, isAdmin: viewer.isAdmin },
    id,
    invoiceId,
  );
  if (!review) notFound();
  const { invoice, contract, side, dispute, closedReason } = review;
  const timeZone = timeZoneOfViewer(viewer, side);
  const isClient = side === 'client';
  const canReview = isClient && closedReason === null;
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  return (
    <>
      <PageHeader
        back={<Link href={`/contracts/${contract.id}`}>← {contract.title}</Link>}
        title={`Review invoice ${invoice.number}`}
        description={
          <p>
            The week of {invoice.weekStart}: {money(invoice.grossCents)} for{' '}
            {((invoice.minutes ?? 0) / 60).toFixed(2)} h.{' '}
            {invoice.reviewEndsAt &&
              `Review until ${formatWithUtc(new Date(invoice.reviewEndsAt.getTime() - 1), timeZone)}; then the undisputed amount is paid to the freelancer.`}
          </p>
        }
        actions={
          canReview && !dispute ? (
            <ButtonLink href={`/contracts/${contract.id}/invoices/${invoice.id}/review/approve`}>
              Approve now…
            </ButtonLink>
          ) : undefined
        }
      />
      {notice === 'approved' && (
        <Notice tone="success" announce>
          You approved the week: the freelancer is paid now (available to them in 5 days).
        </Notice>
      )}
      {isClient && closedReason && <Notice>{closedReason}</Notice>}
      {dispute && (
        <Notice tone="warning" title="Disputed">
          {money(dispute.disputedCents)} of this week is disputed.{' '}
          <Link href={`/contracts/${contract.id}/disputes/${dispute.id}`}>See the dispute</Link>
        </Notice>
      )}
      {canReview && dispute && (
        <p>
          <Link href={`/contracts/${contract.id}/invoices/${invoice.id}/review/approve`}>
            Approve the undisputed part now…
          </Link>
        </p>
      )}
      <Card title="Time billed">
        {canReview && !dispute && (
          <p className="hint">
            To dispute time, tick its entries, say why, and send. New time on the contract pauses
            until the dispute is resolved; the freelancer has 3 business days to answer.
          </p>
        )}
        <DisputeForm
          contractId={contract.id}
          invoiceId={invoice.id}
          days={presentDays(review.days, invoice.currency, timeZone)}
          canDispute={canReview && !dispute}
        />
      </Card>
    </>
  );
}
