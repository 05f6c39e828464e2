import { asc, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { milestoneEvents, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/log';
import { now } from '@/lib/clock';

export type MilestoneEventType = (typeof milestoneEvents.$inferSelect)['type'];

export type MilestoneStep = {
  milestoneId: string;
  contractId: string;
  type: MilestoneEventType;
  /** Null for the platform's own steps (a settled charge, a reminder). */
  actorId: string | null;
  message?: string;
  links?: string[];
  ip?: string | null;
  /** The audit log's short text; the event's message when not given. */
  detail?: string;
};

/**
 * The one writer of milestone_event: a line of the milestone's history, dated `at`, in the
 * caller's transaction. Callers that audit the step themselves (submission, review, refunds:
 * auditStep) call it directly; the others call recordMilestoneStep.
 */
export async function recordMilestoneEvent(
  tx: DbOrTx,
  event: {
    milestoneId: string;
    type: MilestoneEventType;
    actorId: string | null;
    message?: string;
    links?: string[];
    at: Date;
  },
): Promise<string> {
  const [row] = await tx
    .insert(milestoneEvents)
    .values({
      milestoneId: event.milestoneId,
      type: event.type,
      actorId: event.actorId,
      message: event.message ?? '',
      links: event.links ?? [],
      createdAt: event.at,
    })
    .returning({ id: milestoneEvents.id });
  return row.id;
}

/**
 * One step of a milestone's history: the event both sides read on the milestone page and
 * its audit entry, written in the caller's transaction (the state change that makes it
 * true). Dated by the clock, so a test that moves time sees its steps in order.
 */
export async function recordMilestoneStep(tx: Tx, step: MilestoneStep): Promise<string> {
  const eventId = await recordMilestoneEvent(tx, { ...step, at: now() });
  await recordAudit(tx, {
    actorId: step.actorId,
    action: `milestone.${step.type}`,
    targetType: 'milestone',
    targetId: step.milestoneId,
    ip: step.ip,
    detail:
      `contract ${step.contractId}${step.detail || step.message ? `; ${step.detail ?? step.message}` : ''}`.slice(
        0,
        500,
      ),
  });
  return eventId;
}

export type HistoryEntry = {
  id: string;
  type: MilestoneEventType;
  message: string;
  links: string[];
  at: Date;
  /** Who took the step; null for the platform's own. */
  actorName: string | null;
};

/** The milestone's history, oldest first (newest last), with who took each step. */
export async function listMilestoneHistory(
  db: DbOrTx,
  milestoneId: string,
): Promise<HistoryEntry[]> {
  const rows = await db
    .select({
      id: milestoneEvents.id,
      type: milestoneEvents.type,
      message: milestoneEvents.message,
      links: milestoneEvents.links,
      at: milestoneEvents.createdAt,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(milestoneEvents)
    .leftJoin(users, eq(users.id, milestoneEvents.actorId))
    .where(eq(milestoneEvents.milestoneId, milestoneId))
    .orderBy(asc(milestoneEvents.createdAt));
  return rows.map(({ actorEmail, actorName, ...row }) => ({
    ...row,
    actorName: actorName || actorEmail || null,
  }));
}

/** What each step is called on the page and in emails. */
export const STEP_LABELS: Record<MilestoneEventType, string> = {
  funding_requested: 'Funding requested',
  funded: 'Funded',
  funding_failed: 'Payment failed',
  submitted: 'Work submitted',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  auto_approved: 'Approved automatically',
  released: 'Released to the freelancer',
  refund_requested: 'Refund requested',
  refund_agreed: 'Refund agreed',
  refund_refused: 'Refund refused',
  refund_decided: 'Refund decided by Workbridge',
  refunded: 'Refunded',
  reminder_sent: 'Reminder sent to the client',
};
