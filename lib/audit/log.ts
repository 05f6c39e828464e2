import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';

export type AuditAction =
  | 'auth.sign_in'
  | 'auth.sign_out_everywhere'
  | 'invite.sent'
  | 'invite.resent'
  | 'invite.revoked'
  | 'invite.accepted'
  | 'contract.accepted'
  | 'contract.declined'
  | 'account.email_changed'
  | 'payout.added'
  | 'payout.removed'
  | 'payout.default_changed'
  | 'tax.saved'
  | 'compliance.submitted'
  | 'compliance.document_uploaded'
  | 'compliance.document_downloaded'
  | 'compliance.approved'
  | 'compliance.rejected';

export type AuditEntry = {
  actorId: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  /** Short, human text. Never a token, a full account number or a tax id. */
  detail?: string;
};

/** Appends to the audit log (the table refuses updates and deletes). */
export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: entry.ip ?? null,
    detail: entry.detail ?? null,
  });
}

export async function listAudit(db: DbOrTx, options: { actorId?: string; limit?: number } = {}) {
  const filters: SQL[] = [];
  if (options.actorId) filters.push(eq(auditLog.actorId, options.actorId));
  return db
    .select()
    .from(auditLog)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(auditLog.createdAt))
    .limit(options.limit ?? 200);
}
