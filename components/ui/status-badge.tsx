import type { contractStatusEnum, inviteStatusEnum } from '@/db/schema';
import { STATUS_LABELS, type DisplayStatus } from '@/lib/invites/status';
import styles from './status-badge.module.css';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';
type Badge = { label: string; tone: Tone };

/**
 * One word and one tone per state, for each thing that has states. The word carries the
 * meaning (colour only repeats it), so the badge reads the same without colour.
 * Invites: what the client sees (lib/invites/status), plus the stored `pending`.
 */
const inviteBadge = (status: DisplayStatus, tone: Tone): Badge => ({
  label: STATUS_LABELS[status],
  tone,
});

// Typed by the enums, so a new state fails typecheck until it has a badge.
const INVITE: Record<DisplayStatus | (typeof inviteStatusEnum.enumValues)[number], Badge> = {
  pending: { label: 'Pending', tone: 'info' },
  queued: inviteBadge('queued', 'neutral'),
  sent: inviteBadge('sent', 'info'),
  delivered: inviteBadge('delivered', 'info'),
  opened: inviteBadge('opened', 'info'),
  joined: inviteBadge('joined', 'info'),
  accepted: inviteBadge('accepted', 'success'),
  awaiting_compliance: inviteBadge('awaiting_compliance', 'warning'),
  compliance_rejected: inviteBadge('compliance_rejected', 'danger'),
  ended: inviteBadge('ended', 'neutral'),
  bounced: inviteBadge('bounced', 'danger'),
  declined: inviteBadge('declined', 'warning'),
  expired: inviteBadge('expired', 'neutral'),
  revoked: inviteBadge('revoked', 'neutral'),
  failed: inviteBadge('failed', 'danger'),
};

/** db/schema contract_status. */
const CONTRACT: Record<(typeof contractStatusEnum.enumValues)[number], Badge> = {
  offered: { label: 'Offered', tone: 'info' },
  awaiting_compliance: { label: 'Awaiting compliance check', tone: 'warning' },
  active: { label: 'Active', tone: 'success' },
  declined: { label: 'Declined', tone: 'warning' },
  withdrawn: { label: 'Withdrawn', tone: 'neutral' },
  ended: { label: 'Ended', tone: 'neutral' },
};

/** SPEC §4 D: a fixed-price milestone. */
const MILESTONE = {
  funded: { label: 'Funded', tone: 'info' },
  submitted: { label: 'Submitted for review', tone: 'info' },
  changes_requested: { label: 'Changes requested', tone: 'warning' },
  approved: { label: 'Approved', tone: 'success' },
  released: { label: 'Released', tone: 'success' },
  refunded: { label: 'Refunded', tone: 'neutral' },
} as const satisfies Record<string, Badge>;

/** SPEC §4 E: a withdrawal. */
const PAYOUT = {
  requested: { label: 'Requested', tone: 'neutral' },
  processing: { label: 'Processing', tone: 'info' },
  paid: { label: 'Paid', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  returned: { label: 'Returned to balance', tone: 'warning' },
} as const satisfies Record<string, Badge>;

/** SPEC 5: a job post (db/schema job_post_status). */
const JOB_POST = {
  draft: { label: 'Draft', tone: 'neutral' },
  open: { label: 'Open', tone: 'success' },
  closed: { label: 'Closed', tone: 'neutral' },
  expired: { label: 'Expired', tone: 'warning' },
} as const satisfies Record<string, Badge>;

export const BADGES = {
  invite: INVITE,
  contract: CONTRACT,
  milestone: MILESTONE,
  payout: PAYOUT,
  jobPost: JOB_POST,
};

export type InviteBadgeStatus = keyof typeof INVITE;
export type ContractStatus = keyof typeof CONTRACT;
export type MilestoneStatus = keyof typeof MILESTONE;
export type PayoutStatus = keyof typeof PAYOUT;
export type JobPostBadgeStatus = keyof typeof JOB_POST;

type StatusBadgeProps =
  | { kind: 'invite'; status: InviteBadgeStatus }
  | { kind: 'contract'; status: ContractStatus }
  | { kind: 'milestone'; status: MilestoneStatus }
  | { kind: 'payout'; status: PayoutStatus }
  | { kind: 'jobPost'; status: JobPostBadgeStatus };

export function StatusBadge(props: StatusBadgeProps) {
  const badge: Badge = (BADGES[props.kind] as Record<string, Badge>)[props.status];
  return (
    <span className={`${styles.badge} ${styles[badge.tone]}`} data-status={props.status}>
      {badge.label}
    </span>
  );
}
