import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ConfirmStep } from '@/components/ui/confirm-step';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db';
import { requireClient } from '@/lib/auth/session';
import { findInvoiceForReview } from '@/lib/hourly/review';
import { formatMoney } from '@/lib/money/money';
import { ApproveForm } from '../review-forms';

export const metadata: Metadata = { title: 'Approve the week', robots: { index: false } };

const ids = z.object({ id: z.uuid(), invoiceId: z.uuid() });

/** The confirmation of an early approval: it pays the freelancer and cannot be undone. */
export default async function ApproveInvoicePage({
  params,
}: {
  params: Promise<{ id: string; invoiceId: string }>;
}) {
  const { viewer } = await requireClient();
  const parsed = ids.safeParse(await params);
  if (!parsed.success) notFound();
  const { db } = await getDatabase();
  const review = await findInvoiceForReview(
    db,
    { userId: viewer.user.id, workspaceId: viewer.workspace?.id ?? null, isAdmin: false },
    parsed.data.id,
    parsed.data.invoiceId,
  );
  if (!review || review.side !== 'client') notFound();
  const { invoice, dispute } = review;
  const undisputed = invoice.grossCents - (dispute?.disputedCents ?? 0);
  const back = `/contracts/${invoice.contractId}/invoices/${invoice.id}/review`;
  return (
    <>
      <PageHeader title={`Approve invoice ${invoice.number} now?`} />
      <ConfirmStep
        question={`Approve ${formatMoney(undisputed, invoice.currency)} of invoice ${invoice.number}?`}
        consequences={[
          'The freelancer is paid the undisputed amount now; it cannot be taken back.',
          'You can no longer dispute entries of this week.',
          ...(dispute ? ['The disputed amount stays with the dispute until it is resolved.'] : []),
        ]}
        cancelHref={back}
      >
        <ApproveForm contractId={invoice.contractId} invoiceId={invoice.id} />
      </ConfirmStep>
    </>
  );
}
