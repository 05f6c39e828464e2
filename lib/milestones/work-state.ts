// Where a milestone's work stands, for its submission, review and refund (SPEC 4.D): the
// milestone seen by one viewer, guarded status changes, its history, and who to tell.
import { createElement } from 'react';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { milestoneStates, milestones } from '@/db/schema';
import MilestoneWorkEmail, { type MilestoneWorkEmailProps } from '@/emails/milestone-work';
import { recordAudit, type AuditAction } from '@/lib/audit/log';
import type { Viewer } from '@/lib/auth/session';
import {
  findContractForViewer,
  type ContractRow,
  type ContractSide,
  type ContractViewer,
} from '@/lib/contracts/access';
import { sendEmail } from '@/lib/email/outbox';
import { formatMoney } from '@/lib/money/money';
import { isUuid } from '@/lib/text/uuid';
import { recordMilestoneEvent, type MilestoneEventType } from './history';
import { appUrl, milestonePath } from './notices';
import {
  findContractParties,
  type MilestoneRow,
  type MilestoneStateRow,
  type MilestoneStatus,
} from './queries';

export type { MilestoneRow, MilestoneStateRow, MilestoneStatus } from './queries';
export type { MilestoneEventType } from './history';

export type MilestoneWork = {
  contract: ContractRow;
  milestone: MilestoneRow;
  /** Null until the milestone is first funded or asked about. */
  state: MilestoneStateRow | null;
  side: ContractSide;
};

export type WorkRefusal = { ok: false; reason: string; message: string };

/** The same words for an unknown id, another contract's milestone and someone else's. */
export const UNKNOWN_MILESTONE: WorkRefusal = {
  ok: false,
  reason: 'unknown',
  message: "We couldn't find this milestone. Check the link, or open it from the contract page.",
};

export function contractViewerOf(viewer: Viewer): ContractViewer {
  return {
    userId: viewer.user.id,
    workspaceId: viewer.workspace?.id ?? null,
    isAdmin: viewer.isAdmin,
  };
}

/**
 * The milestone if the viewer may see its contract (the client, the freelancer, ops) and it
 * belongs to that fixed-price contract; null otherwise, whatever the reason.
 */
export async function findMilestoneWork(
  db: DbOrTx,
  input: { contractId: string; milestoneId: string; viewer: ContractViewer },
): Promise<MilestoneWork | null> {
  if (!isUuid(input.milestoneId)) return null;
  const found = await findContractForViewer(db, input.contractId, input.viewer);
  if (!found || found.contract.kind !== 'fixed') return null;
  const [row] = await db
    .select({ milestone: milestones, state: milestoneStates })
    .from(milestones)
    .leftJoin(milestoneStates, eq(milestoneStates.milestoneId, milestones.id))
    .where(and(eq(milestones.id, input.milestoneId), eq(milestones.contractId, input.contractId)));
  if (!row) return null;
  return { contract: found.contract, milestone: row.milestone, state: row.state, side: found.side };
}

/** Locks the milestone's state row for the rest of the transaction. */
export async function lockState(tx: Tx, milestoneId: string): Promise<MilestoneStateRow | null> {
  const [row] = await tx
    .select()
    .from(milestoneStates)
    .where(eq(milestoneStates.milestoneId, milestoneId))
    .for('update');
  return row ?? null;
}

/**
 * Moves the milestone to a new status only if it is still in one of `from` (and, when
 * given, still at the version the caller saw): of two racing requests exactly one gets the
 * row back, the other null. Every change bumps the version.
 */
export async function moveState(
  tx: Tx,
  milestoneId: string,
  from: readonly MilestoneStatus[],
  set: Partial<typeof milestoneStates.$inferInsert> & { status: MilestoneStatus },
  at: Date,
  version?: number,
): Promise<MilestoneStateRow | null> {
  const [row] = await tx
    .update(milestoneStates)
    .set({ ...set, version: sql`${milestoneStates.version} + 1`, updatedAt: at })
    .where(
      and(
        eq(milestoneStates.milestoneId, milestoneId),
        inArray(milestoneStates.status, [...from]),
        version === undefined ? undefined : eq(milestoneStates.version, version),
      ),
    )
    .returning();
  return row ?? null;
}

export type MilestonePage = 'submit' | 'review' | 'refund' | '';

export function milestoneUrl(contractId: string, milestoneId: string, page: MilestonePage) {
  return appUrl(`${milestonePath(contractId, milestoneId)}${page ? `/${page}` : ''}`);
}

/** The amount held in escrow for the milestone, or the offer's amount before funding. */
export function amountOf(work: Pick<MilestoneWork, 'milestone' | 'state'>): number {
  return work.state?.fundedCents ?? work.milestone.amountCents;
}

/** One email about a step, to one side, written in the step's transaction. */
export async function tellSide(
  tx: DbOrTx,
  to: { email: string } | null,
  work: Pick<MilestoneWork, 'contract' | 'milestone' | 'state'>,
  step: Pick<MilestoneWorkEmailProps, 'headline' | 'paragraphs' | 'quoted' | 'action'> & {
    page: MilestonePage;
    template: string;
  },
): Promise<void> {
  if (!to) return;
  const props: MilestoneWorkEmailProps = {
    headline: step.headline,
    paragraphs: step.paragraphs,
    quoted: step.quoted,
    action: step.action,
    contractTitle: work.contract.title,
    milestoneName: work.milestone.description,
    amount: formatMoney(amountOf(work), work.milestone.currency),
    url: milestoneUrl(work.contract.id, work.milestone.id, step.page),
  };
  await sendEmail(tx, {
    to: to.email,
    subject: step.headline,
    template: step.template,
    element: createElement(MilestoneWorkEmail, props),
  });
}

export async function auditStep(
  tx: DbOrTx,
  entry: {
    actorId: string | null;
    action: AuditAction;
    milestoneId: string;
    ip?: string | null;
    detail?: string;
  },
): Promise<void> {
  await recordAudit(tx, {
    actorId: entry.actorId,
    action: entry.action,
    targetType: 'milestone',
    targetId: entry.milestoneId,
    ip: entry.ip ?? null,
    detail: entry.detail,
  });
}

export type ContractParties = Awaited<ReturnType<typeof findContractParties>>;
export type TellStep = Parameters<typeof tellSide>[3];

/**
 * One step of a milestone told to one side, after its state moved (in the same
 * transaction): the history line, the email to that side (chosen from the contract's
 * parties), and the audit entry by the step's actor.
 */
export async function recordToldStep(
  tx: DbOrTx,
  work: Pick<MilestoneWork, 'contract' | 'milestone' | 'state'>,
  step: {
    event: { type: MilestoneEventType; actorId: string | null; message?: string };
    tell: (parties: ContractParties) => { to: { email: string } | null; email: TellStep };
    audit: { action: AuditAction; ip?: string | null; detail?: string };
    at: Date;
  },
): Promise<void> {
  await recordMilestoneEvent(tx, { milestoneId: work.milestone.id, ...step.event, at: step.at });
  const parties = await findContractParties(tx, work.contract.id);
  const told = step.tell(parties);
  await tellSide(tx, told.to, work, told.email);
  await auditStep(tx, {
    actorId: step.event.actorId,
    action: step.audit.action,
    milestoneId: work.milestone.id,
    ip: step.audit.ip,
    detail: step.audit.detail,
  });
}

/** What a status means to a person, for messages and the pages. */
export const STATUS_LABELS: Record<MilestoneStatus, string> = {
  unfunded: 'Not funded yet',
  funding: 'Funding in progress',
  funded: 'Funded (in escrow)',
  submitted: 'Submitted for review',
  changes_requested: 'Changes requested',
  refund_requested: 'Refund requested',
  released: 'Released to the freelancer',
  refunded: 'Refunded to the client',
};
