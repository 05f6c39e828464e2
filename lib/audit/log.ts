import type { DbOrTx } from '@/db/client';
import { auditLog, type milestoneEventTypeEnum } from '@/db/schema';

/** Every step of a milestone's history is audited under its own name (lib/milestones). */
type MilestoneStep = (typeof milestoneEventTypeEnum.enumValues)[number];

export type AuditAction =
  | 'auth.sign_in'
  | 'auth.sign_out_everywhere'
  | 'invite.sent'
  | 'invite.resent'
  | 'invite.email_changed'
  | 'invite.revoked'
  | 'invite.joined'
  | 'contract.accepted'
  | 'contract.declined'
  | 'contract.ended'
  | 'account.email_changed'
  | 'payout.added'
  | 'payout.removed'
  | 'payout.default_changed'
  | 'billing.method_added'
  | 'billing.method_removed'
  | 'billing.default_changed'
  | 'tax.saved'
  | 'compliance.submitted'
  | 'compliance.document_uploaded'
  | 'compliance.document_downloaded'
  | 'compliance.approved'
  | 'compliance.rejected'
  | 'milestone.submitted'
  | 'milestone.changes_requested'
  | 'milestone.approved'
  | 'milestone.released_early'
  | 'milestone.auto_approved'
  | 'milestone.auto_approval_reminded'
  | 'milestone.refund_requested'
  | 'milestone.refund_agreed'
  | 'milestone.refund_refused'
  | 'milestone.refund_to_ops'
  | 'milestone.refund_decided'
  | 'milestone.refunded'
  | 'milestone.file_downloaded'
  | 'time_entry.timer_started'
  | 'time_entry.timer_stopped'
  | 'time_entry.added'
  | 'time_entry.edited'
  | 'time_entry.deleted'
  | 'invoice.issued'
  | 'invoice.paid'
  | 'invoice.payment_failed'
  | 'invoice.pay_now'
  | 'invoice.approved'
  | 'invoice.released'
  | 'dispute.opened'
  | 'dispute.refund_offered'
  | 'dispute.rejected'
  | 'dispute.decided'
  | 'dispute.expired'
  | `milestone.${MilestoneStep}`
  | 'bonus.requested'
  | 'bonus.paid'
  | 'bonus.payment_failed'
  | 'withdrawal.requested'
  | 'withdrawal.paid'
  | 'withdrawal.returned'
  | 'withdrawal.schedule_changed'
  | 'payout_destination.closed'
  | 'job_post.created'
  | 'job_post.edited'
  | 'job_post.published'
  | 'job_post.closed'
  | 'job_post.reopened'
  | 'job_post.expired'
  | 'proposal.file_downloaded';

export type AuditEntry = {
  actorId: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  /** Short, human text. Never a token, a full account number or a tax id. */
  detail?: string;
};

const toRow = (entry: AuditEntry) => ({
  actorId: entry.actorId,
  action: entry.action,
  targetType: entry.targetType ?? null,
  targetId: entry.targetId ?? null,
  ip: entry.ip ?? null,
  detail: entry.detail ?? null,
});

/** Appends to the audit log (the table refuses updates, deletes and truncation). */
export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(toRow(entry));
}

/** Appends several entries in one statement (a bulk invite writes up to 500). */
export async function recordAuditEntries(db: DbOrTx, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditLog).values(entries.map(toRow));
}
