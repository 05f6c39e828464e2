// The client's review of a submitted milestone: approve (escrow released), ask for changes,
// or release early without a submission; and the tick's automatic approval (SPEC 4.D).
import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { contracts, milestoneStates, milestones } from '@/db/schema';
import { now } from '@/lib/clock';
import type { AuditAction } from '@/lib/audit/log';
import type { ContractViewer } from '@/lib/contracts/access';
import { formatMoney } from '@/lib/money/money';
import { fundedAmounts, releaseMilestoneEscrow, RELEASE_HOLD_MS } from './escrow-moves';
import {
  auditStep,
  findMilestoneWork,
  moveState,
  recordToldStep,
  tellSide,
  UNKNOWN_MILESTONE,
  type MilestoneStateRow,
  type MilestoneStatus,
  type MilestoneWork,
  type WorkRefusal,
} from './work-state';
import { recordMilestoneEvent } from './history';
import { findContractParties, partyNames } from './queries';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The client is reminded this long before a submission is approved automatically. */
export const AUTO_APPROVE_REMINDER_MS = 3 * DAY_MS;

export type ReviewInput = {
  contractId: string;
  milestoneId: string;
  viewer: ContractViewer;
  ip?: string | null;
};
export type ReviewResult = { ok: true; status: MilestoneStatus } | WorkRefusal;

const NOT_CLIENT: WorkRefusal = {
  ok: false,
  reason: 'not-client',
  message: 'Only the client of this contract reviews its milestones.',
};

async function clientWork(db: Db, input: ReviewInput) {
  const work = await findMilestoneWork(db, input);
  if (!work) return UNKNOWN_MILESTONE;
  if (work.side !== 'client') return NOT_CLIENT;
  return work;
}

/** Approves the latest submission: the escrow is released at once. */
export async function approveMilestone(db: Db, input: ReviewInput): Promise<ReviewResult> {
  const work = await clientWork(db, input);
  if ('ok' in work) return work;
  const at = now();
  return db.transaction(async (tx) => {
    const moved = await moveState(
      tx,
      work.milestone.id,
      ['submitted'],
      { status: 'released', releasedAt: at, autoApproveAt: null },
      at,
    );
    if (!moved) return whyNot(await currentState(tx, work.milestone.id), 'approve');
    await releaseInTx(tx, work, moved, at, {
      eventType: 'approved',
      actorId: input.viewer.userId,
      audit: 'milestone.approved',
      ip: input.ip,
    });
    return { ok: true as const, status: moved.status };
  });
}

/**
 * "Release now": the client releases a funded milestone without (or before approving) a
 * submission. The page asks for a confirmation first.
 */
export async function releaseMilestoneNow(db: Db, input: ReviewInput): Promise<ReviewResult> {
  const work = await clientWork(db, input);
  if ('ok' in work) return work;
  const at = now();
  return db.transaction(async (tx) => {
    const moved = await moveState(
      tx,
      work.milestone.id,
      ['funded', 'changes_requested', 'submitted'],
      { status: 'released', releasedAt: at, autoApproveAt: null },
      at,
    );
    if (!moved) return whyNot(await currentState(tx, work.milestone.id), 'release');
    await releaseInTx(tx, work, moved, at, {
      eventType: 'approved',
      actorId: input.viewer.userId,
      audit: 'milestone.released_early',
      ip: input.ip,
    });
    return { ok: true as const, status: moved.status };
  });
}

/** Sends the submission back with the client's message; the freelancer resubmits. */
export async function requestMilestoneChanges(
  db: Db,
  input: ReviewInput & { message: string },
): Promise<ReviewResult> {
  const work = await clientWork(db, input);
  if ('ok' in work) return work;
  const at = now();
  return db.transaction(async (tx) => {
    const moved = await moveState(
      tx,
      work.milestone.id,
      ['submitted'],
      { status: 'changes_requested', autoApproveAt: null },
      at,
    );
    if (!moved) return whyNot(await currentState(tx, work.milestone.id), 'changes');
    await recordToldStep(
      tx,
      { ...work, state: moved },
      {
        event: { type: 'changes_requested', actorId: input.viewer.userId, message: input.message },
        tell: (parties) => ({
          to: parties.freelancer,
          email: {
            template: 'milestone-changes-requested',
            page: 'submit',
            headline: `${partyNames(parties).client} asked for changes to “${work.milestone.description}”`,
            quoted: input.message,
            paragraphs: ['Make the changes and resubmit; the money stays in escrow meanwhile.'],
            action: 'Resubmit the work',
          },
        }),
        audit: { action: 'milestone.changes_requested', ip: input.ip },
        at,
      },
    );
    return { ok: true as const, status: moved.status };
  });
}

async function currentState(tx: Tx, milestoneId: string) {
  const [row] = await tx
    .select()
    .from(milestoneStates)
    .where(eq(milestoneStates.milestoneId, milestoneId));
  return row ?? null;
}

function whyNot(state: MilestoneStateRow | null, step: 'approve' | 'release' | 'changes') {
  const status = state?.status ?? 'unfunded';
  const refusal = (reason: string, message: string): WorkRefusal => ({
    ok: false,
    reason,
    message,
  });
  if (status === 'released') {
    return refusal(
      'already-released',
      'This milestone was already released to the freelancer (approved by you or automatically 14 days after the submission); nothing more was paid.',
    );
  }
  if (status === 'refunded') return refusal('refunded', 'This milestone was refunded to you.');
  if (status === 'refund_requested') {
    return refusal(
      'refund-requested',
      'You asked for this milestone’s money back; the refund request is open until the freelancer or ops decides.',
    );
  }
  if (status === 'unfunded' || status === 'funding') {
    return refusal('not-funded', "This milestone isn't funded yet; there is nothing to release.");
  }
  if (step === 'release')
    return refusal('not-releasable', 'This milestone cannot be released now.');
  return refusal(
    'not-submitted',
    status === 'changes_requested'
      ? 'You already asked for changes; wait for the freelancer to resubmit (or release it now).'
      : 'There is no submission to review yet. You can release the milestone early instead.',
  );
}

/** The money moves, the history, both emails and the audit entry of one release. */
export async function releaseInTx(
  tx: Tx,
  work: Pick<MilestoneWork, 'contract' | 'milestone'>,
  moved: MilestoneStateRow,
  at: Date,
  how: {
    eventType: 'approved' | 'auto_approved' | 'refund_decided';
    message?: string;
    actorId: string | null;
    audit: AuditAction;
    ip?: string | null;
  },
): Promise<void> {
  await releaseMilestoneEscrow(tx, work.contract, moved, at);
  await recordMilestoneEvent(tx, {
    milestoneId: moved.milestoneId,
    type: how.eventType,
    actorId: how.actorId,
    message: how.message,
    at,
  });
  await recordMilestoneEvent(tx, {
    milestoneId: moved.milestoneId,
    type: 'released',
    actorId: how.actorId,
    at,
  });
  const funded = await fundedAmounts(tx, moved);
  const net = formatMoney(funded.grossCents - funded.feeCents, funded.currency);
  const availableOn = new Date(at.getTime() + RELEASE_HOLD_MS).toISOString().slice(0, 10);
  const parties = await findContractParties(tx, work.contract.id);
  const withState = { ...work, state: moved };
  const auto = how.eventType === 'auto_approved';
  await tellSide(tx, parties.freelancer, withState, {
    template: 'milestone-released',
    page: '',
    headline: `“${work.milestone.description}” was ${auto ? 'approved automatically' : 'released'}: ${net} is on its way`,
    paragraphs: [
      `${net} (after the service fee) is pending in your balance and becomes available on ${availableOn} (UTC).`,
    ],
    action: 'Open the milestone',
  });
  if (how.eventType === 'refund_decided') {
    await tellSide(tx, parties.client, withState, {
      template: 'milestone-refund-decided',
      page: '',
      headline: `Ops released “${work.milestone.description}” to the freelancer`,
      quoted: how.message,
      paragraphs: ['Ops decided your refund request: the escrow went to the freelancer.'],
      action: 'Open the milestone',
    });
  }
  if (auto) {
    await tellSide(tx, parties.client, withState, {
      template: 'milestone-auto-approved',
      page: '',
      headline: `“${work.milestone.description}” was approved automatically`,
      paragraphs: [
        'The submission had no answer for 14 days, so it was approved and the escrow released to the freelancer.',
      ],
      action: 'Open the milestone',
    });
  }
  await auditStep(tx, {
    actorId: how.actorId,
    action: how.audit,
    milestoneId: moved.milestoneId,
    ip: how.ip,
  });
}

async function loadForTick(tx: Tx, state: MilestoneStateRow) {
  const [row] = await tx
    .select({ milestone: milestones, contract: contracts })
    .from(milestones)
    .innerJoin(contracts, eq(contracts.id, milestones.contractId))
    .where(eq(milestones.id, state.milestoneId));
  return row;
}

/**
 * Billing tick step: approves every submission left unanswered 14 days (auto_approve_at has
 * come) and releases its escrow. Rows another worker or a client's approval holds are
 * skipped, and the status moves under a guard, so a milestone is released once.
 */
export async function autoApproveDueMilestones(
  db: Db,
  at: Date = now(),
  batchSize = 50,
): Promise<number> {
  let done = 0;
  for (;;) {
    const handled = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(milestoneStates)
        .where(and(eq(milestoneStates.status, 'submitted'), lte(milestoneStates.autoApproveAt, at)))
        .orderBy(asc(milestoneStates.autoApproveAt))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      let released = 0;
      for (const state of due) {
        const moved = await moveState(
          tx,
          state.milestoneId,
          ['submitted'],
          { status: 'released', releasedAt: at, autoApproveAt: null },
          at,
        );
        if (!moved) continue;
        const work = await loadForTick(tx, moved);
        await releaseInTx(tx, work, moved, at, {
          eventType: 'auto_approved',
          actorId: null,
          audit: 'milestone.auto_approved',
        });
        released += 1;
      }
      return { seen: due.length, released };
    });
    done += handled.released;
    if (handled.seen < batchSize) return done;
  }
}

/**
 * Billing tick step: reminds the client once, 3 days before a submission is approved
 * automatically (again after a resubmission). Returns how many reminders were written.
 */
export async function remindBeforeAutoApproval(
  db: Db,
  at: Date = now(),
  batchSize = 100,
): Promise<number> {
  let done = 0;
  for (;;) {
    const sent = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(milestoneStates)
        .where(
          and(
            eq(milestoneStates.status, 'submitted'),
            isNull(milestoneStates.autoApproveRemindedAt),
            lte(milestoneStates.autoApproveAt, new Date(at.getTime() + AUTO_APPROVE_REMINDER_MS)),
            gt(milestoneStates.autoApproveAt, at),
          ),
        )
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const state of due) {
        await tx
          .update(milestoneStates)
          .set({ autoApproveRemindedAt: at })
          .where(eq(milestoneStates.milestoneId, state.milestoneId));
        const work = await loadForTick(tx, state);
        const on = state.autoApproveAt!.toISOString().slice(0, 16).replace('T', ' ');
        await recordToldStep(
          tx,
          { ...work, state },
          {
            event: { type: 'reminder_sent', actorId: null },
            tell: (parties) => ({
              to: parties.client,
              email: {
                template: 'milestone-auto-approval-reminder',
                page: 'review',
                headline: `“${work.milestone.description}” will be approved automatically on ${on} UTC`,
                paragraphs: [
                  'Review the submission before then: approve it, or ask for changes. Without an answer the escrow is released to the freelancer.',
                ],
                action: 'Review the submission',
              },
            }),
            audit: { action: 'milestone.auto_approval_reminded' },
            at,
          },
        );
      }
      return due.length;
    });
    done += sent;
    if (sent < batchSize) return done;
  }
}
