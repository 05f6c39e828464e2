import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DefinitionList } from '@/components/ui/definition-list';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { requireViewer } from '@/lib/auth/session';
import { listBillingMethods } from '@/lib/billing/service';
import { formatLongDate, formatLongDateTime } from '@/lib/dates/format';
import { listMilestoneHistory, STEP_LABELS } from '@/lib/milestones/history';
import {
  findMilestoneForViewer,
  fundingWaitOf,
  type MilestoneStatus,
  type MilestoneView,
} from '@/lib/milestones/queries';
import { canPayBonus } from '@/lib/milestones/bonus';
import { centsToDollarInput, formatMoney } from '@/lib/money/money';
import { timeZoneOfViewer } from '../../../viewer';
import { FundForm } from './fund-form';

export const metadata: Metadata = { title: 'Milestone', robots: { index: false } };
export const dynamic = 'force-dynamic';

const STATUS_LABELS: Record<MilestoneStatus, string> = {
  unfunded: 'Not funded yet',
  funding: 'Payment processing',
  funded: 'Funded: work in progress',
  submitted: 'Work submitted: waiting for the client’s review',
  changes_requested: 'Changes requested',
  refund_requested: 'Refund requested',
  released: 'Approved and released to the freelancer',
  refunded: 'Refunded to the client',
};

const NOTICES: Record<string, string> = {
  processing:
    'Payment processing: the milestone is funded as soon as your card’s payment settles, usually within minutes.',
  funded: 'The milestone is funded.',
};

type Props = {
  params: Promise<{ id: string; milestoneId: string }>;
  searchParams: Promise<{ notice?: string }>;
};

const ids = z.object({ id: z.uuid(), milestoneId: z.uuid() });

/** The payment's state while the milestone is not in escrow: processing, declined, or none. */
function paymentNotice(view: MilestoneView, timeZone: string) {
  const { charge } = view;
  if (view.status !== 'unfunded' && view.status !== 'funding') return null;
  if (!charge) return null;
  if (charge.status === 'requested' || charge.status === 'processing') {
    return (
      <Notice tone="info">
        Payment processing: {formatMoney(charge.amountCents, charge.currency)} is being charged to
        the client’s card. The milestone is funded once it settles.
      </Notice>
    );
  }
  if (charge.status === 'failed') {
    return (
      <Notice tone="danger">
        The card was declined ({charge.failureReason ?? 'Declined'}).{' '}
        {charge.nextAttemptAt
          ? `We will try it again on ${formatLongDateTime(charge.nextAttemptAt, timeZone)}.`
          : 'No more automatic retries: the client can fund it again.'}
      </Notice>
    );
  }
  return null;
}

/** Whether the client may ask for a charge now (none running, none scheduled to retry). */
function canFund(view: MilestoneView): boolean {
  if (view.status !== 'unfunded' && view.status !== 'funding') return false;
  const { charge } = view;
  if (!charge) return true;
  return charge.status === 'failed' && charge.nextAttemptAt === null;
}

export default async function MilestonePage({ params, searchParams }: Props) {
  const parsed = ids.safeParse(await params);
  if (!parsed.success) notFound();
  const { id: contractId, milestoneId } = parsed.data;
  const { notice } = await searchParams;
  const viewer = await requireViewer();
  const { db } = await getDatabase();
  const view = await findMilestoneForViewer(
    db,
    { userId: viewer.user.id, workspaceId: viewer.workspace?.id ?? null, isAdmin: viewer.isAdmin },
    contractId,
    milestoneId,
  );
  if (!view) notFound();
  const { contract, milestone, side, state, invoice } = view;
  // Each side reads times in its own zone (the workspace's, the profile's); ops in UTC.
  const timeZone = timeZoneOfViewer(viewer, side);
  const history = await listMilestoneHistory(db, milestoneId);
  const wait = await fundingWaitOf(db, contractId);
  const base = `/contracts/${contractId}/milestones/${milestoneId}`;
  const isClient = side === 'client';
  const card = isClient
    ? (await listBillingMethods(db, contract.workspaceId)).find((m) => m.isDefault)
    : undefined;
  const message = notice ? NOTICES[notice] : undefined;
  const next: { href: string; label: string }[] = [];
  if (side === 'freelancer' && (view.status === 'funded' || view.status === 'changes_requested')) {
    next.push({ href: `${base}/submit`, label: 'Submit your work' });
  }
  if (isClient && view.status === 'submitted') {
    next.push({ href: `${base}/review`, label: 'Review the work' });
  }
  if (isClient && view.status === 'funded') {
    next.push({ href: `${base}/refund`, label: 'Ask for a refund' });
  }
  const amountFixed = invoice !== null;
  const defaultAmount = centsToDollarInput(invoice ? invoice.grossCents : milestone.amountCents);

  return (
    <>
      <PageHeader
        title={`Milestone ${milestone.position}: ${milestone.description}`}
        back={<Link href={`/contracts/${contractId}`}>← {contract.title}</Link>}
        description={`Milestone ${milestone.position} of ${view.milestoneCount} on “${contract.title}”.`}
        actions={
          isClient && canPayBonus(contract.status) ? (
            <Link href={`/contracts/${contractId}/bonus`}>Pay a bonus</Link>
          ) : undefined
        }
      />
      {message && (
        <Notice tone="success" announce>
          {message}
        </Notice>
      )}
      {wait && (
        <Notice tone="warning">
          Waiting for the client to fund milestone 1.{' '}
          {wait.isProcessing
            ? 'Their payment is processing.'
            : isClient
              ? 'The freelancer starts once it is funded.'
              : 'We email you as soon as it is funded: then you can start.'}
          {isClient && wait.milestoneId !== milestoneId && (
            <>
              {' '}
              <Link href={`/contracts/${contractId}/milestones/${wait.milestoneId}`}>
                Fund milestone 1
              </Link>
            </>
          )}
        </Notice>
      )}
      <Card title="Terms">
        <DefinitionList
          items={[
            { label: 'Status', value: STATUS_LABELS[view.status] },
            { label: 'Work', value: milestone.description },
            { label: 'Amount', value: formatMoney(milestone.amountCents, milestone.currency) },
            ...(state?.fundedCents
              ? [
                  {
                    label: 'In escrow',
                    value: `${formatMoney(state.fundedCents, milestone.currency)}${state.fundedAt ? ` since ${formatLongDateTime(state.fundedAt, timeZone)}` : ''}`,
                  },
                ]
              : []),
            {
              label: 'Due date',
              value: formatLongDate(new Date(`${milestone.dueDate}T00:00:00Z`), 'UTC'),
            },
            ...(invoice
              ? [
                  {
                    label: 'Invoice',
                    value: <Link href={`/invoices/${invoice.id}`}>{invoice.number}</Link>,
                  },
                ]
              : []),
          ]}
        />
        {paymentNotice(view, timeZone)}
        {next.length > 0 && (
          <p className="actions">
            {next.map((n) => (
              <ButtonLink key={n.href} href={n.href}>
                {n.label}
              </ButtonLink>
            ))}
          </p>
        )}
      </Card>
      {isClient && contract.status === 'ended' && canFund(view) && (
        <Notice tone="info">
          This contract has ended: its milestones can no longer be funded.
        </Notice>
      )}
      {isClient && contract.status !== 'ended' && canFund(view) && (
        <Card title="Fund this milestone">
          {card ? (
            <FundForm
              contractId={contractId}
              milestoneId={milestoneId}
              defaultAmount={defaultAmount}
              cardTitle={card.title}
              amountFixed={amountFixed}
            />
          ) : (
            <p>
              Milestones are charged to your default card.{' '}
              <Link href="/client/billing">Add a billing method</Link> to fund this one.
            </p>
          )}
        </Card>
      )}
      <Card title="History">
        {history.length === 0 ? (
          <p>Nothing has happened on this milestone yet.</p>
        ) : (
          <ol className="history">
            {history.map((entry) => (
              <li key={entry.id}>
                <strong>{STEP_LABELS[entry.type]}</strong>
                {' · '}
                <time dateTime={entry.at.toISOString()}>
                  {formatLongDateTime(entry.at, timeZone)}
                </time>
                {' · '}
                {entry.actorName ? `by ${entry.actorName}` : 'by Workbridge'}
                {entry.message && <p>{entry.message}</p>}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </>
  );
}
