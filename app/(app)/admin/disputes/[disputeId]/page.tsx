import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db';
import { now } from '@/lib/clock';
import { formatDateAndTime } from '@/lib/dates/format';
import { findOpsQueueItem } from '@/lib/hourly/dispute-queries';
import { formatMoney } from '@/lib/money/money';
import { requireAdmin } from '../../require-admin';
import { DecideForm } from './decide-form';

export const metadata: Metadata = { title: 'Decide a dispute', robots: { index: false } };

export default async function DecideDisputePage({
  params,
}: {
  params: Promise<{ disputeId: string }>;
}) {
  await requireAdmin();
  const parsed = z.object({ disputeId: z.uuid() }).safeParse(await params);
  if (!parsed.success) notFound();
  const { db } = await getDatabase();
  const item = await findOpsQueueItem(db, parsed.data.disputeId, now());
  if (!item) notFound();
  const disputed = formatMoney(item.disputedCents, item.currency);
  return (
    <>
      <PageHeader
        back={<Link href="/admin/disputes">← Disputes awaiting ops</Link>}
        title={`Decide: ${item.contractTitle}, ${item.invoiceNumber}`}
        description={<p>{disputed} disputed.</p>}
      />
      {item.isOverdue ? (
        <Notice tone="danger" title="Overdue">
          The decision was due {item.opsDueAt ? formatDateAndTime(item.opsDueAt) : ''}.
        </Notice>
      ) : (
        <Notice>Decide by {item.opsDueAt ? formatDateAndTime(item.opsDueAt) : '—'}.</Notice>
      )}
      <p>Client: “{item.reason}”</p>
      <p>Freelancer: “{item.freelancerAnswer}”</p>
      <p>
        <Link href={`/contracts/${item.contractId}/disputes/${item.id}`}>
          The dispute, its entries and history
        </Link>
      </p>
      <DecideForm disputeId={item.id} disputed={disputed} />
    </>
  );
}
