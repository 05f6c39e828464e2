import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db';
import { OfferSummary } from '@/components/offer/offer-summary';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { StatusBadge } from '@/components/ui/status-badge';
import { requireViewer } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { whyNotEndable } from '@/lib/contract-ending/service';
import { formatLongDate } from '@/lib/dates/format';
import { findContractForViewer } from '@/lib/contracts/access';
import { listMilestonesWithState } from '@/lib/contracts/milestone-states';
import { listUnresolvedDisputes } from '@/lib/hourly/dispute-queries';
import { loadWeekHours } from '@/lib/hourly/this-week';
import {
  describeMoneyState,
  findReleaseOf,
  moneyStateOf,
  needsClientReview,
} from '@/lib/invoices/money-state';
import {
  findContractParties,
  listContractInvoices,
  listContractReleases,
} from '@/lib/invoices/queries';
import { fundingWaitOf } from '@/lib/milestones/queries';
import { contractViewerOf, timeZoneOfViewer } from '../viewer';
import {
  InvoiceList,
  LastInvoice,
  MilestoneList,
  NeedsReview,
  OpenDisputes,
  PaymentFailed,
  ThisWeek,
} from './sections';

export const metadata: Metadata = { title: 'Contract' };

/** Who ended it: only the client ends, so the workspace's owner and the workspace. */
const clientNameOf = (parties: { client: { workspaceName: string; ownerName: string | null } }) =>
  parties.client.ownerName
    ? `${parties.client.ownerName} of ${parties.client.workspaceName}`
    : parties.client.workspaceName;

type Props = {
  params: Promise<{ id: string }>;
  searchParams?: Promise<{ notice?: string }>;
};

/**
 * One contract as either side sees it (SPEC 4.F): the terms; for hourly work this week's
 * hours; the last invoice and where its money is; what waits for the client's review; the
 * open disputes of an hourly one (linking to each); whether milestone 1 waits for funding
 * (fundingWaitOf, the rule the dashboards use); the milestones of a fixed-price contract;
 * every invoice. At most eight queries, none in a loop (tests/routes/invoice-pages.test.tsx).
 */
export default async function ContractPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const [{ id }, query] = await Promise.all([
    params,
    searchParams ?? Promise.resolve<{ notice?: string }>({}),
  ]);
  const { db } = await getDatabase();
  const found = await findContractForViewer(db, id, contractViewerOf(viewer));
  if (!found) notFound();
  const { contract, side } = found;
  const at = now();
  const timeZone = timeZoneOfViewer(viewer, side);
  const hourly = contract.kind === 'hourly';
  const [parties, invoices, releases, week, milestones, disputes, fundingWait] = await Promise.all([
    findContractParties(db, contract),
    listContractInvoices(db, contract.id),
    listContractReleases(db, contract.id),
    hourly ? loadWeekHours(db, contract, at) : Promise.resolve(null),
    hourly ? Promise.resolve([]) : listMilestonesWithState(db, contract.id),
    hourly ? listUnresolvedDisputes(db, contract.id) : Promise.resolve([]),
    hourly ? Promise.resolve(null) : fundingWaitOf(db, contract.id),
  ]);
  const reader = { side, timeZone };
  const listed = invoices.map((invoice) => ({
    invoice,
    money: describeMoneyState(moneyStateOf(invoice, findReleaseOf(invoice, releases)), reader),
  }));
  const toReview = side === 'client' ? invoices.filter((i) => needsClientReview(i, at)) : [];
  const failed =
    side === 'client'
      ? invoices.filter((i) => i.kind === 'hourly' && i.paymentStatus === 'payment_failed')
      : [];
  const other = side === 'freelancer' ? parties.client.workspaceName : parties.freelancer.name;
  return (
    <>
      <PageHeader
        title={contract.title}
        back={
          side === 'freelancer' ? (
            <Link href="/onboarding">← Dashboard</Link>
          ) : side === 'client' ? (
            <Link href={`/client/invites/${contract.inviteId}`}>← Invite and offer</Link>
          ) : undefined
        }
        actions={
          side === 'ops' ? undefined : (
            <>
              {side === 'freelancer' && <Link href="/earnings">Your earnings</Link>}{' '}
              <Link href={`/messages/contract/${contract.id}`}>Messages</Link>
            </>
          )
        }
        description={
          <p>
            {hourly ? 'Hourly contract' : 'Fixed-price contract'}{' '}
            {side === 'ops'
              ? `between ${parties.client.workspaceName} and ${parties.freelancer.name}`
              : `with ${other}`}
            . <StatusBadge kind="contract" status={contract.status} />
          </p>
        }
      />
      {query.notice === 'ended' && contract.status === 'ended' && (
        <Notice tone="success" announce>
          The contract has ended and the freelancer has been emailed.
        </Notice>
      )}
      {contract.status === 'ended' && contract.endedAt && (
        <Notice tone="info">
          <p>
            Ended on {formatLongDate(contract.endedAt, timeZone)} by {clientNameOf(parties)}:{' '}
            {contract.endMessage}
          </p>
        </Notice>
      )}
      {side === 'client' && whyNotEndable(contract) === null && (
        <p>
          <Link href={`/contracts/${contract.id}/end`}>End contract</Link>
        </p>
      )}
      {contract.status === 'offered' && side === 'freelancer' && (
        <Notice tone="info">
          This offer waits for your decision:{' '}
          <Link href={`/onboarding/contract/${contract.id}`}>review the offer</Link>.
        </Notice>
      )}
      {fundingWait && (
        <Notice tone="info">
          Waiting for the client to fund milestone 1.
          {fundingWait.isProcessing ? ' Their payment is processing.' : ''}
        </Notice>
      )}
      <OpenDisputes contractId={contract.id} disputes={disputes} timeZone={timeZone} />
      <PaymentFailed invoices={failed} />
      <NeedsReview contractId={contract.id} invoices={toReview} timeZone={timeZone} />
      {week && (
        <ThisWeek
          contractId={contract.id}
          week={week}
          weeklyLimitHours={contract.weeklyLimitHours}
          timeZone={timeZone}
        />
      )}
      {!hourly && <MilestoneList contractId={contract.id} milestones={milestones} />}
      <LastInvoice listed={listed[0]} side={side} />
      <InvoiceList listed={listed} side={side} />
      <OfferSummary
        audience={side}
        terms={{
          kind: contract.kind,
          title: `Terms: ${contract.title}`,
          description: contract.description,
          startDate: contract.startDate,
          currency: contract.currency,
          hourlyRateCents: contract.hourlyRateCents,
          weeklyLimitHours: contract.weeklyLimitHours,
          allowManualTime: contract.allowManualTime,
          feeBps: contract.feeBps,
          milestones: milestones.map((m) => ({
            description: m.description,
            amountCents: m.amountCents,
            dueDate: m.dueDate,
          })),
        }}
      />
    </>
  );
}
