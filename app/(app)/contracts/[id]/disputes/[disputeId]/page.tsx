import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { getDatabase } from '@/db';
import { requireViewer } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { formatWithUtc } from '@/lib/dates/with-utc';
import { findDisputeForViewer } from '@/lib/hourly/dispute-queries';
import { formatMoney } from '@/lib/money/money';
import { timeZoneOfViewer } from '../../../viewer';
import { AnswerForm } from './answer-form';

export const metadata: Metadata = { title: 'Dispute', robots: { index: false } };

type Props = {
  params: Promise<{ id: string; disputeId: string }>;
  searchParams: Promise<{ notice?: string }>;
};

const ids = z.object({ id: z.uuid(), disputeId: z.uuid() });

const STATUS = {
  awaiting_freelancer: 'Waiting for the freelancer’s answer',
  awaiting_ops: 'Waiting for the operations team',
  resolved: 'Resolved',
} as const;

const NOTICES: Record<string, string> = {
  opened: 'The dispute is open: the freelancer is emailed and has 3 business days to answer.',
  answered: 'Your answer is sent: the client is emailed.',
};

export default async function DisputePage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const parsed = ids.safeParse(await params);
  if (!parsed.success) notFound();
  const { notice } = await searchParams;
  const { db } = await getDatabase();
  const found = await findDisputeForViewer(
    db,
    { userId: viewer.user.id, workspaceId: viewer.workspace?.id ?? null, isAdmin: viewer.isAdmin },
    parsed.data.id,
    parsed.data.disputeId,
  );
  if (!found) notFound();
  const { dispute, invoice, contract, side, entries, history } = found;
  const timeZone = timeZoneOfViewer(viewer, side);
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  const canAnswer =
    side === 'freelancer' &&
    dispute.status === 'awaiting_freelancer' &&
    dispute.answerDueAt > now();
  return (
    <>
      <PageHeader
        back={<Link href={`/contracts/${contract.id}`}>← {contract.title}</Link>}
        title={`Dispute of invoice ${invoice.number}`}
        description={
          <p>
            {money(dispute.disputedCents)} disputed · <strong>{STATUS[dispute.status]}</strong>
          </p>
        }
      />
      {notice && NOTICES[notice] && (
        <Notice tone="success" announce>
          {NOTICES[notice]}
        </Notice>
      )}
      {side === 'freelancer' && dispute.status === 'awaiting_freelancer' && (
        <Notice tone="warning" title="Your answer is needed">
          Answer by {formatWithUtc(dispute.answerDueAt, timeZone)}. Without an answer the disputed
          amount goes back to the client. New time on this contract is paused until the dispute is
          resolved.
        </Notice>
      )}
      {dispute.status === 'awaiting_ops' && dispute.opsDueAt && (
        <Notice>Our operations team decides by {formatWithUtc(dispute.opsDueAt, timeZone)}.</Notice>
      )}
      <Card title="Disputed entries">
        <ul>
          {entries.map((entry) => (
            <li key={entry.id}>
              {formatWithUtc(entry.startedAt, timeZone)}: {(entry.minutes / 60).toFixed(2)} h,{' '}
              {money(entry.amountCents)} — {entry.memo || 'no memo'}
            </li>
          ))}
        </ul>
        <p>
          <Link href={`/contracts/${contract.id}/invoices/${invoice.id}/review`}>
            The whole week
          </Link>
        </p>
      </Card>
      <Card title="History">
        <ol>
          {history.map((step) => (
            <li key={`${step.at.toISOString()}-${step.text}`}>
              {formatWithUtc(step.at, timeZone)}: {step.text}
            </li>
          ))}
        </ol>
        {dispute.refundCents !== null && dispute.refundCents > 0 && (
          <p>
            {money(dispute.refundCents)} refunded to the client (credit note issued)
            {dispute.disputedCents > dispute.refundCents &&
              `; ${money(dispute.disputedCents - dispute.refundCents)} paid to the freelancer`}
            .
          </p>
        )}
      </Card>
      {canAnswer && (
        <Card title="Answer the dispute">
          <AnswerForm disputeId={dispute.id} disputed={money(dispute.disputedCents)} />
        </Card>
      )}
      {side === 'ops' && dispute.status === 'awaiting_ops' && (
        <p>
          <Link href="/admin/disputes">Decide it in the ops queue</Link>
        </p>
      )}
    </>
  );
}
