// A client asks for a funded, unsubmitted milestone's money back; the freelancer agrees or
// refuses within 7 days, or ops decides (SPEC 4.D). Ending a contract takes the same path.
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { contracts, milestoneEvents, milestoneStates, milestones } from '@/db/schema';
import { refundCharge, type RefundResult } from '@/lib/billing/refunds';
import { now } from '@/lib/clock';
import type { ContractRow, ContractViewer } from '@/lib/contracts/access';
import type { PaymentProvider } from '@/lib/payments/provider';
import { fundedAmounts, refundKeyOf, refundMilestoneEscrow } from './escrow-moves';
import { findContractParties, findFundingInvoice, partyNames } from './queries';
import { recordMilestoneEvent } from './history';
import { releaseInTx } from './review';
import {
  auditStep,
  findMilestoneWork,
  moveState,
  recordToldStep,
  tellSide,
  UNKNOWN_MILESTONE,
  type MilestoneStateRow,
  type MilestoneWork,
  type WorkRefusal,
} from './work-state';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The freelancer's time to answer a refund request; then ops decides. */
export const REFUND_ANSWER_MS = 7 * DAY_MS;

type Ref = { contractId: string; milestoneId: string; viewer: ContractViewer; ip?: string | null };

export type RefundStepResult =
  | { ok: true; status: MilestoneStateRow['status']; providerRefund?: RefundResult | 'failed' }
  | WorkRefusal;

async function currentState(tx: Tx, milestoneId: string) {
  const [row] = await tx
    .select()
    .from(milestoneStates)
    .where(eq(milestoneStates.milestoneId, milestoneId));
  return row ?? null;
}

const refusal = (reason: string, message: string): WorkRefusal => ({ ok: false, reason, message });

function whyNoRequest(state: MilestoneStateRow | null): WorkRefusal {
  switch (state?.status ?? 'unfunded') {
    case 'submitted':
    case 'changes_requested':
      return refusal(
        'submitted',
        'The freelancer submitted work for this milestone before your request arrived, so no refund was requested. Review the submission instead: approve it or ask for changes.',
      );
    case 'refund_requested':
      return refusal('already-requested', 'You already asked for this milestone’s money back.');
    case 'unfunded':
    case 'funding':
      return refusal('not-funded', "This milestone isn't funded; there is nothing to refund.");
    default:
      return refusal(
        'closed',
        'This milestone is closed: its money was already released or refunded.',
      );
  }
}

/** Files a refund request inside a transaction (the milestone must be funded, unsubmitted). */
async function requestInTx(
  tx: Tx,
  work: Pick<MilestoneWork, 'contract' | 'milestone'>,
  input: { actorId: string; message: string; ip?: string | null; ending?: boolean },
  at: Date,
): Promise<RefundStepResult> {
  const moved = await moveState(
    tx,
    work.milestone.id,
    ['funded'],
    {
      status: 'refund_requested',
      refundAnswerDueAt: new Date(at.getTime() + REFUND_ANSWER_MS),
      opsReviewSince: null,
    },
    at,
  );
  if (!moved) return whyNoRequest(await currentState(tx, work.milestone.id));
  await recordToldStep(
    tx,
    { ...work, state: moved },
    {
      event: { type: 'refund_requested', actorId: input.actorId, message: input.message },
      tell: (parties) => ({
        to: parties.freelancer,
        email: {
          template: 'milestone-refund-requested',
          page: 'refund',
          headline: `${partyNames(parties).client} asks for the money of “${work.milestone.description}” back`,
          quoted: input.message,
          paragraphs: [
            input.ending
              ? 'The client is ending the contract while this milestone is funded.'
              : 'The milestone is funded and has no submission yet.',
            'Agree to refund the client, or refuse: then ops decides. Without an answer in 7 days ops decides.',
          ],
          action: 'Answer the request',
        },
      }),
      audit: {
        action: 'milestone.refund_requested',
        ip: input.ip,
        detail: input.ending ? 'contract ending' : undefined,
      },
      at,
    },
  );
  return { ok: true, status: moved.status };
}

/** The client asks for a funded, unsubmitted milestone's money back. */
export async function requestMilestoneRefund(
  db: Db,
  input: Ref & { message: string },
): Promise<RefundStepResult> {
  const work = await findMilestoneWork(db, input);
  if (!work) return UNKNOWN_MILESTONE;
  if (work.side !== 'client') {
    return refusal('not-client', 'Only the client of this contract asks for a refund.');
  }
  const at = now();
  return db.transaction((tx) =>
    requestInTx(
      tx,
      work,
      { actorId: input.viewer.userId, message: input.message, ip: input.ip },
      at,
    ),
  );
}

/**
 * Ending a contract with money in escrow, inside the ending's transaction
 * (lib/contract-ending): every funded, unsubmitted milestone gets a refund request (the same
 * path as one asked by hand); submitted ones stay in review. A milestone a submission moved
 * first is left to its review (the guarded move finds it no longer funded). Returns how many
 * requests were filed.
 */
export async function requestEndingRefunds(
  tx: Tx,
  input: { contract: ContractRow; actorId: string; message: string; ip?: string | null },
  at: Date,
): Promise<number> {
  const funded = await tx
    .select({ milestone: milestones })
    .from(milestoneStates)
    .innerJoin(milestones, eq(milestones.id, milestoneStates.milestoneId))
    .where(
      and(eq(milestoneStates.contractId, input.contract.id), eq(milestoneStates.status, 'funded')),
    )
    .orderBy(asc(milestones.position));
  let requested = 0;
  for (const { milestone } of funded) {
    const done = await requestInTx(
      tx,
      { contract: input.contract, milestone },
      { actorId: input.actorId, message: input.message, ip: input.ip, ending: true },
      at,
    );
    if (done.ok) requested += 1;
  }
  return requested;
}

/** The freelancer's answer: agree (the client is refunded at once) or refuse (ops decides). */
export async function answerRefundRequest(
  db: Db,
  provider: PaymentProvider,
  input: Ref & { answer: 'agree' | 'refuse'; message: string },
): Promise<RefundStepResult> {
  const work = await findMilestoneWork(db, input);
  if (!work) return UNKNOWN_MILESTONE;
  if (work.side !== 'freelancer') {
    return refusal(
      'not-freelancer',
      'Only the freelancer on this contract answers a refund request.',
    );
  }
  const at = now();
  if (input.answer === 'agree') {
    const done = await db.transaction((tx) =>
      refundInTx(tx, work, at, {
        eventType: 'refund_agreed',
        actorId: input.viewer.userId,
        message: input.message,
        ip: input.ip,
        audit: 'milestone.refund_agreed',
      }),
    );
    return done.ok ? { ...done, providerRefund: await refundAtProvider(db, provider, work) } : done;
  }
  return db.transaction(async (tx) => {
    const [moved] = await tx
      .update(milestoneStates)
      .set({ opsReviewSince: at, updatedAt: at, version: sql`${milestoneStates.version} + 1` })
      .where(
        and(
          eq(milestoneStates.milestoneId, work.milestone.id),
          eq(milestoneStates.status, 'refund_requested'),
          isNull(milestoneStates.opsReviewSince),
        ),
      )
      .returning();
    if (!moved) return whyNoAnswer(await currentState(tx, work.milestone.id));
    await recordToldStep(
      tx,
      { ...work, state: moved },
      {
        event: { type: 'refund_refused', actorId: input.viewer.userId, message: input.message },
        tell: (parties) => ({
          to: parties.client,
          email: {
            template: 'milestone-refund-refused',
            page: 'refund',
            headline: `${partyNames(parties).freelancer} refused the refund of “${work.milestone.description}”`,
            quoted: input.message || undefined,
            paragraphs: [
              'Ops now decides: refund you, or release the money to the freelancer. The money stays in escrow meanwhile.',
            ],
            action: 'Open the request',
          },
        }),
        audit: { action: 'milestone.refund_refused', ip: input.ip },
        at,
      },
    );
    return { ok: true as const, status: moved.status };
  });
}

function whyNoAnswer(state: MilestoneStateRow | null): WorkRefusal {
  if (state?.status === 'refund_requested') {
    return refusal('with-ops', 'This request is already with ops, who decide it.');
  }
  if (state?.status === 'refunded')
    return refusal('refunded', 'This milestone was already refunded.');
  if (state?.status === 'released')
    return refusal('released', 'This milestone was already released.');
  return refusal('no-request', 'There is no open refund request on this milestone.');
}

/** Ops decide a refund request the freelancer refused or left unanswered. */
export async function decideMilestoneRefund(
  db: Db,
  provider: PaymentProvider,
  input: Ref & { decision: 'refund' | 'release'; note: string },
): Promise<RefundStepResult> {
  if (!input.viewer.isAdmin) return UNKNOWN_MILESTONE;
  const work = await findMilestoneWork(db, input);
  if (!work) return UNKNOWN_MILESTONE;
  if (!work.state || work.state.status !== 'refund_requested' || !work.state.opsReviewSince) {
    return whyNoDecision(work.state);
  }
  const at = now();
  if (input.decision === 'refund') {
    const done = await db.transaction((tx) =>
      refundInTx(tx, work, at, {
        eventType: 'refund_decided',
        actorId: input.viewer.userId,
        message: input.note,
        ip: input.ip,
        audit: 'milestone.refund_decided',
        requireOps: true,
      }),
    );
    return done.ok ? { ...done, providerRefund: await refundAtProvider(db, provider, work) } : done;
  }
  return db.transaction(async (tx) => {
    const moved = await moveState(
      tx,
      work.milestone.id,
      ['refund_requested'],
      { status: 'released', releasedAt: at, autoApproveAt: null, refundAnswerDueAt: null },
      at,
      work.state!.version,
    );
    if (!moved) return whyNoDecision(await currentState(tx, work.milestone.id));
    await releaseInTx(tx, work, moved, at, {
      eventType: 'refund_decided',
      message: `Released to the freelancer: ${input.note}`,
      actorId: input.viewer.userId,
      audit: 'milestone.refund_decided',
      ip: input.ip,
    });
    return { ok: true as const, status: moved.status };
  });
}

function whyNoDecision(state: MilestoneStateRow | null): WorkRefusal {
  if (state?.status === 'refund_requested') {
    return refusal(
      'waiting-for-freelancer',
      'The freelancer still has time to answer this request.',
    );
  }
  return refusal('decided', 'This request was already decided; nothing more was moved.');
}

/** The money moves, the history, the emails and the audit entry of one refund. */
async function refundInTx(
  tx: Tx,
  work: MilestoneWork,
  at: Date,
  how: {
    eventType: 'refund_agreed' | 'refund_decided';
    actorId: string;
    message: string;
    ip?: string | null;
    audit: 'milestone.refund_agreed' | 'milestone.refund_decided';
    requireOps?: boolean;
  },
): Promise<RefundStepResult> {
  const moved = await moveState(
    tx,
    work.milestone.id,
    ['refund_requested'],
    { status: 'refunded', refundedAt: at, refundAnswerDueAt: null },
    at,
    how.requireOps ? work.state?.version : undefined,
  );
  if (!moved) {
    const state = await currentState(tx, work.milestone.id);
    return how.requireOps ? whyNoDecision(state) : whyNoAnswer(state);
  }
  const creditNote = await refundMilestoneEscrow(tx, work.contract, work.milestone, moved);
  await recordMilestoneEvent(tx, {
    milestoneId: work.milestone.id,
    type: how.eventType,
    actorId: how.actorId,
    message: how.message,
    at,
  });
  await recordMilestoneEvent(tx, {
    milestoneId: work.milestone.id,
    type: 'refunded',
    actorId: how.actorId,
    message: creditNote ? `Credit note ${creditNote.number}` : '',
    at,
  });
  const parties = await findContractParties(tx, work.contract.id);
  const withState = { ...work, state: moved };
  const byOps = how.eventType === 'refund_decided';
  await tellSide(tx, parties.client, withState, {
    template: 'milestone-refunded',
    page: '',
    headline: `“${work.milestone.description}” was refunded to you`,
    paragraphs: [
      byOps
        ? 'Ops decided the refund request in your favour.'
        : 'The freelancer agreed to your refund request.',
      `The money goes back to your card${creditNote ? `; credit note ${creditNote.number} records it` : ''}.`,
    ],
    action: 'Open the milestone',
  });
  if (byOps) {
    await tellSide(tx, parties.freelancer, withState, {
      template: 'milestone-refunded',
      page: '',
      headline: `Ops refunded “${work.milestone.description}” to the client`,
      quoted: how.message,
      paragraphs: ['The milestone’s escrow went back to the client.'],
      action: 'Open the milestone',
    });
  }
  await auditStep(tx, {
    actorId: how.actorId,
    action: how.audit,
    milestoneId: work.milestone.id,
    ip: how.ip,
  });
  await auditStep(tx, {
    actorId: how.actorId,
    action: 'milestone.refunded',
    milestoneId: work.milestone.id,
  });
  return { ok: true, status: moved.status };
}

/**
 * Refunds the funding charge at the provider, after the ledger refund committed, under the
 * milestone's refund key (a retry refunds nothing twice). A provider error leaves the books
 * refunded and is logged; calling this again with the same milestone finishes it.
 */
export async function refundAtProvider(
  db: Db,
  provider: PaymentProvider,
  work: Pick<MilestoneWork, 'milestone'>,
): Promise<RefundResult | 'failed'> {
  const invoice = await findFundingInvoice(db, work.milestone.id);
  const [state] = await db
    .select()
    .from(milestoneStates)
    .where(eq(milestoneStates.milestoneId, work.milestone.id));
  if (!invoice?.chargeId || state?.status !== 'refunded') {
    return { ok: false, reason: 'not-refundable', message: 'No card charge to refund.' };
  }
  const { grossCents } = await fundedAmounts(db, state);
  try {
    return await refundCharge(db, provider, {
      chargeId: invoice.chargeId,
      amountCents: grossCents,
      idempotencyKey: refundKeyOf(work.milestone.id),
    });
  } catch (error) {
    console.error(
      `[milestones] provider refund of ${work.milestone.id} failed:`,
      (error as Error).message,
    );
    return 'failed';
  }
}

/**
 * Billing tick step: a refund request without the freelancer's answer 7 days on goes to ops.
 * Guarded (only requests not yet with ops), batched, SKIP LOCKED. Returns how many moved.
 */
export async function expireRefundAnswers(
  db: Db,
  at: Date = now(),
  batchSize = 100,
): Promise<number> {
  let done = 0;
  for (;;) {
    const moved = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(milestoneStates)
        .where(
          and(
            eq(milestoneStates.status, 'refund_requested'),
            isNull(milestoneStates.opsReviewSince),
            lte(milestoneStates.refundAnswerDueAt, at),
          ),
        )
        .orderBy(asc(milestoneStates.refundAnswerDueAt))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const state of due) {
        const [updated] = await tx
          .update(milestoneStates)
          .set({ opsReviewSince: at, updatedAt: at, version: state.version + 1 })
          .where(eq(milestoneStates.milestoneId, state.milestoneId))
          .returning();
        const [row] = await tx
          .select({ milestone: milestones, contract: contracts })
          .from(milestones)
          .innerJoin(contracts, eq(contracts.id, milestones.contractId))
          .where(eq(milestones.id, state.milestoneId));
        await recordMilestoneEvent(tx, {
          milestoneId: state.milestoneId,
          type: 'refund_refused',
          actorId: null,
          message: 'No answer within 7 days: ops decides.',
          at,
        });
        const parties = await findContractParties(tx, row.contract.id);
        const step = {
          template: 'milestone-refund-to-ops',
          page: 'refund' as const,
          headline: `The refund request on “${row.milestone.description}” went to ops`,
          paragraphs: [
            'The freelancer did not answer within 7 days, so ops decides: refund the client, or release the money to the freelancer.',
          ],
          action: 'Open the request',
        };
        await tellSide(tx, parties.client, { ...row, state: updated }, step);
        await tellSide(tx, parties.freelancer, { ...row, state: updated }, step);
        await auditStep(tx, {
          actorId: null,
          action: 'milestone.refund_to_ops',
          milestoneId: state.milestoneId,
        });
      }
      return due.length;
    });
    done += moved;
    if (moved < batchSize) return done;
  }
}

export type OpsRefundItem = {
  contractId: string;
  contractTitle: string;
  milestoneId: string;
  milestoneName: string;
  amountCents: number;
  currency: string;
  opsReviewSince: Date;
  version: number;
  history: { type: string; message: string; at: Date }[];
};

/** The ops queue: refund requests refused or unanswered, oldest first. */
export async function listRefundsForOps(db: Db): Promise<OpsRefundItem[]> {
  const rows = await db
    .select({ state: milestoneStates, milestone: milestones, contract: contracts })
    .from(milestoneStates)
    .innerJoin(milestones, eq(milestones.id, milestoneStates.milestoneId))
    .innerJoin(contracts, eq(contracts.id, milestoneStates.contractId))
    .where(
      and(
        eq(milestoneStates.status, 'refund_requested'),
        isNotNull(milestoneStates.opsReviewSince),
      ),
    )
    .orderBy(asc(milestoneStates.opsReviewSince))
    .limit(200);
  if (rows.length === 0) return [];
  const events = await db
    .select()
    .from(milestoneEvents)
    .where(
      and(
        inArray(
          milestoneEvents.milestoneId,
          rows.map((r) => r.milestone.id),
        ),
        inArray(milestoneEvents.type, ['refund_requested', 'refund_refused']),
      ),
    )
    .orderBy(desc(milestoneEvents.createdAt));
  return rows.map((r) => ({
    contractId: r.contract.id,
    contractTitle: r.contract.title,
    milestoneId: r.milestone.id,
    milestoneName: r.milestone.description,
    amountCents: r.state.fundedCents ?? r.milestone.amountCents,
    currency: r.milestone.currency,
    opsReviewSince: r.state.opsReviewSince!,
    version: r.state.version,
    history: events
      .filter((e) => e.milestoneId === r.milestone.id)
      .map((e) => ({ type: e.type, message: e.message, at: e.createdAt })),
  }));
}
