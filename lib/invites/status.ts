/**
 * Statuses the client sees, derived from the invite, its email and webhooks. The words
 * keep SPEC's list (queued → sent → delivered → opened → accepted): "Joined" when the
 * freelancer used the link and has not decided on the offer yet, "Accepted" only once the
 * contract is accepted.
 */
export type DisplayStatus =
  | 'queued'
  | 'sent'
  | 'delivered'
  | 'opened'
  | 'joined'
  | 'accepted'
  | 'awaiting_compliance'
  | 'compliance_rejected'
  | 'ended'
  | 'bounced'
  | 'declined'
  | 'expired'
  | 'revoked'
  | 'failed';

export type StatusInputs = {
  status: 'pending' | 'joined' | 'declined' | 'revoked' | 'expired';
  expiresAt: Date;
  outboxStatus: 'queued' | 'sending' | 'sent' | 'failed' | null;
  deliveryEvent: 'delivered' | 'bounced' | 'complained' | null;
  /** When the landing page was first opened (an invite_event, never a write to the invite). */
  openedAt: Date | null;
  /**
   * The offer's state: a joined invite is "accepted" only once the contract is, and says
   * so when the contract waits for the compliance check.
   */
  contractStatus?:
    'offered' | 'awaiting_compliance' | 'active' | 'declined' | 'withdrawn' | 'ended' | null;
  /** The freelancer's latest compliance check was not approved (the status only). */
  complianceRejected?: boolean;
};

export function displayStatus(i: StatusInputs, now = new Date()): DisplayStatus {
  if (i.status === 'joined') {
    if (i.contractStatus === 'active') return 'accepted';
    if (i.contractStatus === 'ended') return 'ended';
    if (i.contractStatus === 'awaiting_compliance')
      return i.complianceRejected ? 'compliance_rejected' : 'awaiting_compliance';
    return 'joined';
  }
  if (i.status !== 'pending') return i.status;
  if (i.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (i.openedAt) return 'opened';
  if (i.deliveryEvent === 'bounced' || i.deliveryEvent === 'complained') return 'bounced';
  if (i.outboxStatus === 'failed') return 'failed';
  if (i.deliveryEvent === 'delivered') return 'delivered';
  if (i.outboxStatus === 'sent') return 'sent';
  return 'queued';
}

export const STATUS_LABELS: Record<DisplayStatus, string> = {
  queued: 'Queued',
  sent: 'Sent',
  delivered: 'Delivered',
  opened: 'Opened',
  joined: 'Joined, reviewing the offer',
  accepted: 'Accepted',
  awaiting_compliance: 'Accepted; starts after the compliance check',
  compliance_rejected:
    'Accepted; compliance check not approved, cannot start until the freelancer passes',
  ended: 'Accepted; the contract has ended',
  bounced: 'Bounced',
  declined: 'Declined',
  expired: 'Expired',
  revoked: 'Revoked',
  failed: 'Delivery failed',
};
