import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  auditLog,
  complianceChecks,
  complianceDocuments,
  contracts,
  invites,
  users,
} from '@/db/schema';

/** A person by account id or email (lower-cased), for the audit filter. */
export async function findPerson(db: DbOrTx, idOrEmail: string) {
  const value = idOrEmail.trim();
  const [row] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(value.includes('@') ? eq(users.email, value.toLowerCase()) : eq(users.id, value));
  return row;
}

/**
 * Where a person acted or is the target: their account, their compliance checks and
 * documents (a review decision's actor is the reviewer, its target the check), the invites
 * they sent or were sent (by address, so before they had an account too) and the
 * contracts they offered or hold.
 */
function concernsPerson(person: { id: string; email: string }) {
  return or(
    eq(auditLog.actorId, person.id),
    eq(auditLog.targetId, person.id),
    sql`${auditLog.targetId} in (select ${complianceChecks.id}::text from ${complianceChecks} where ${complianceChecks.userId} = ${person.id})`,
    sql`${auditLog.targetId} in (select ${complianceDocuments.id}::text from ${complianceDocuments} join ${complianceChecks} on ${complianceChecks.id} = ${complianceDocuments.checkId} where ${complianceChecks.userId} = ${person.id})`,
    and(
      eq(auditLog.targetType, 'invite'),
      sql`${auditLog.targetId} in (select ${invites.id}::text from ${invites} where ${invites.email} = ${person.email} or ${invites.joinedById} = ${person.id} or ${invites.invitedById} = ${person.id})`,
    ),
    and(
      eq(auditLog.targetType, 'contract'),
      sql`${auditLog.targetId} in (select ${contracts.id}::text from ${contracts} join ${invites} on ${invites.id} = ${contracts.inviteId} where ${contracts.freelancerId} = ${person.id} or ${invites.invitedById} = ${person.id})`,
    ),
  );
}

/** Audit entries, newest first: all of them, or those about one person. */
export async function listAuditEntries(
  db: DbOrTx,
  options: { person?: { id: string; email: string }; limit: number },
) {
  return db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      action: auditLog.action,
      actorId: auditLog.actorId,
      actorEmail: users.email,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      ip: auditLog.ip,
      detail: auditLog.detail,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(options.person ? concernsPerson(options.person) : undefined)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(options.limit);
}
