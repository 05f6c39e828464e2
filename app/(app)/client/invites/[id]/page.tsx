import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { requireClient } from '@/lib/auth/session';
import {
  findFreelancersNotApproved,
  loadClientComplianceLine,
} from '@/lib/compliance/client-status';
import { describeNetPay } from '@/lib/invites/offer-terms';
import {
  findContractForInvite,
  findWorkspaceInvite,
  listInviteEvents,
  type InviteEventType,
} from '@/lib/invites/queries';
import { loadTerms } from '@/lib/invites/service';
import { displayStatus, STATUS_LABELS } from '@/lib/invites/status';
import { ComplianceStatus } from '@/components/compliance-status';
import { InviteActions } from './invite-actions';

export const metadata: Metadata = { title: 'Invite' };

const NOTICES: Record<string, string> = {
  sent: 'The invite is saved and its email is on its way.',
  resent: 'A fresh link is on its way; the previous link no longer works.',
  'email-changed':
    'The address is changed and a fresh link is on its way; the previous link no longer works.',
  revoked: 'The invite is revoked; its link no longer works.',
  edited: 'The offer is updated. The freelancer sees the new terms when they open the link.',
  offered:
    'The offer from the proposal is sent: the freelancer gets an email to review and accept it.',
};

// Typed by the event enum, so a new event type cannot show up as its code name.
const EVENT_LABELS: Record<InviteEventType, string> = {
  created: 'Invite created',
  resent: 'Resent with a fresh link',
  email_changed: 'Email address changed',
  offer_edited: 'Offer edited',
  revoked: 'Revoked',
  opened: 'Opened by the freelancer',
  delivered: 'Delivered to the mailbox',
  bounced: 'Bounced',
  complained: 'Marked as spam by the recipient',
  delivery_failed: 'Delivery failed',
  reminder_sent: 'Reminder sent (expires in 3 days)',
  fresh_link_requested: 'The freelancer asked for a fresh link (the old one had expired)',
  joined: 'Joined: used the link and signed in',
  accepted: 'Accepted',
  declined: 'Declined',
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function InviteDetailPage({ params, searchParams }: Props) {
  const { inviter } = await requireClient();
  const { id } = await params;
  const { notice } = await searchParams;
  if (!z.uuid().safeParse(id).success) notFound();
  const { db } = await getDatabase();
  const found = await findWorkspaceInvite(db, inviter.workspaceId, id);
  if (!found) notFound();
  const { invite } = found;
  const [terms, events, contract, complianceLine] = await Promise.all([
    loadTerms(db, id),
    listInviteEvents(db, id),
    findContractForInvite(db, id),
    // The workspace id scopes the lookup, so another workspace's invite id shows nothing.
    loadClientComplianceLine(db, { workspaceId: inviter.workspaceId, inviteId: id }),
  ]);
  const canEdit =
    contract?.contract.status === 'offered' &&
    invite.status !== 'revoked' &&
    invite.status !== 'declined';
  const opened = events.find((e) => e.type === 'opened');
  const freelancerId = contract?.contract.freelancerId ?? null;
  const complianceRejected =
    contract?.contract.status === 'awaiting_compliance' &&
    freelancerId !== null &&
    (await findFreelancersNotApproved(db, [freelancerId])).has(freelancerId);
  const status = displayStatus({
    ...invite,
    outboxStatus: found.outboxStatus ?? null,
    openedAt: opened?.createdAt ?? null,
    contractStatus: contract?.contract.status ?? null,
    complianceRejected,
  });
  const isOpen = invite.status === 'pending' || invite.status === 'expired';
  return (
    <>
      <p>
        <Link href="/client">Back to invites</Link>
      </p>
      <h1>
        {invite.firstName} {invite.lastName}
      </h1>
      {notice && NOTICES[notice] && (
        <p className="notice success" role="status">
          {NOTICES[notice]}
        </p>
      )}
      <p>
        <span className="muted">{invite.email}</span> · Status:{' '}
        <strong className="status">{STATUS_LABELS[status]}</strong>
      </p>
      {status === 'failed' && (
        <p className="notice error">
          We could not deliver the invitation email (
          {found.outboxError ?? 'the provider refused it'}). Check the address, then resend.
        </p>
      )}
      {invite.status === 'declined' && invite.declineReason && (
        <p>
          Reason given: <q>{invite.declineReason}</q>
        </p>
      )}
      <p className="muted">Link expires {invite.expiresAt.toUTCString()}</p>
      <ComplianceStatus line={complianceLine} />
      {contract &&
        (contract.contract.status === 'active' ||
          contract.contract.status === 'awaiting_compliance' ||
          contract.contract.status === 'ended') && (
          <p>
            <Link href={`/contracts/${contract.contract.id}`}>
              The contract: hours, invoices and reviews
            </Link>
          </p>
        )}
      {terms && (
        <section className="card" aria-labelledby="offer-heading">
          <h2 id="offer-heading">Offer: {terms.title}</h2>
          {terms.description && <p style={{ whiteSpace: 'pre-wrap' }}>{terms.description}</p>}
          <p>Starts {terms.startDate}</p>
          <ul>
            {describeNetPay(terms, 'client').map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {canEdit && <Link href={`/client/invites/${invite.id}/edit`}>Edit the offer</Link>}
        </section>
      )}
      {isOpen && <InviteActions inviteId={invite.id} canRevoke={invite.status === 'pending'} />}
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.createdAt.toISOString()}>{e.createdAt.toUTCString()}</time>:{' '}
              {EVENT_LABELS[e.type]}
              {e.detail ? ` (${e.detail})` : ''}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
