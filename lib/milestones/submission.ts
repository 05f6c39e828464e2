// The freelancer submits a funded milestone's work: a message, links and files (SPEC 4.D).
import { and, desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import {
  contracts,
  milestoneEvents,
  milestoneFiles,
  milestoneStates,
  storedFiles,
} from '@/db/schema';
import { now } from '@/lib/clock';
import type { ContractRow, ContractViewer } from '@/lib/contracts/access';
import { formatLongDate } from '@/lib/dates/format';
import type { CheckedAttachment } from '@/lib/files/attachments';
import { fileStorage } from '@/lib/files/storage';
import { isUuid } from '@/lib/text/uuid';
import {
  auditStep,
  findMilestoneWork,
  moveState,
  tellSide,
  UNKNOWN_MILESTONE,
  type MilestoneStateRow,
  type WorkRefusal,
} from './work-state';
import { recordMilestoneEvent } from './history';
import { findContractParties, partyNames } from './queries';
import { discardSubmissionDraft } from './submission-drafts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A submission the client leaves unanswered this long is approved by the billing tick. */
export const AUTO_APPROVE_AFTER_MS = 14 * DAY_MS;

export type SubmitInput = {
  contractId: string;
  milestoneId: string;
  viewer: ContractViewer;
  message: string;
  links: string[];
  /** Already checked with checkAttachments. */
  files: CheckedAttachment[];
  ip?: string | null;
};

export type SubmitResult = { ok: true; eventId: string; version: number } | WorkRefusal;

/**
 * Submits (or, after changes were asked for, resubmits) a funded milestone. The status moves
 * under a guarded update, so a refund request racing this submission either lands first
 * (and this one is refused with a message saying so) or finds the work submitted.
 */
export async function submitMilestone(db: Db, input: SubmitInput): Promise<SubmitResult> {
  const work = await findMilestoneWork(db, input);
  if (!work) return UNKNOWN_MILESTONE;
  if (work.side !== 'freelancer') {
    return {
      ok: false,
      reason: 'not-freelancer',
      message: 'Only the freelancer on this contract submits its work.',
    };
  }
  const at = now();
  return db.transaction(async (tx) => {
    // Read again in the transaction: an ending that committed since is seen.
    const [contract] = await tx.select().from(contracts).where(eq(contracts.id, work.contract.id));
    const closed = whyContractTakesNoSubmission(contract, work.state);
    if (closed) return closed;
    const moved = await moveState(
      tx,
      work.milestone.id,
      ['funded', 'changes_requested'],
      {
        status: 'submitted',
        submittedAt: at,
        autoApproveAt: new Date(at.getTime() + AUTO_APPROVE_AFTER_MS),
        autoApproveRemindedAt: null,
      },
      at,
    );
    if (!moved) {
      const [current] = await tx
        .select()
        .from(milestoneStates)
        .where(eq(milestoneStates.milestoneId, work.milestone.id));
      return whyNotSubmittable(current ?? null);
    }
    const eventId = await recordMilestoneEvent(tx, {
      milestoneId: work.milestone.id,
      type: 'submitted',
      actorId: input.viewer.userId,
      message: input.message,
      links: input.links,
      at,
    });
    for (const file of input.files) {
      const stored = await fileStorage.put(tx, {
        ownerId: input.viewer.userId,
        purpose: 'milestone-file',
        fileName: file.safeName,
        mimeType: file.mime,
        bytes: file.bytes,
      });
      await tx.insert(milestoneFiles).values({ eventId, fileId: stored.id });
    }
    const parties = await findContractParties(tx, work.contract.id);
    const resubmitted = work.state?.status === 'changes_requested';
    await tellSide(
      tx,
      parties.client,
      { ...work, state: moved },
      {
        template: 'milestone-submitted',
        page: 'review',
        headline: `${partyNames(parties).freelancer} ${resubmitted ? 'resubmitted' : 'submitted'} “${work.milestone.description}”`,
        quoted: input.message,
        paragraphs: [
          `${input.files.length} file${input.files.length === 1 ? '' : 's'} and ${input.links.length} link${input.links.length === 1 ? '' : 's'} attached.`,
          'Approve it to release the escrow, or ask for changes. Without an answer in 14 days it is approved automatically (we remind you 3 days before).',
        ],
        action: 'Review the submission',
      },
    );
    await auditStep(tx, {
      actorId: input.viewer.userId,
      action: 'milestone.submitted',
      milestoneId: work.milestone.id,
      ip: input.ip,
      detail: `${input.files.length} files, ${input.links.length} links`,
    });
    // A refusal's kept text (the no-JavaScript form) goes with the submission it was for.
    await discardSubmissionDraft(tx, input.viewer.userId, work.milestone.id);
    return { ok: true as const, eventId, version: moved.version };
  });
}

/**
 * Why the contract takes no submission of this milestone, or null: work is submitted on an
 * active contract. One exception: after an ending, work the client sent back for changes
 * before it may still be resubmitted (its money stays in escrow, and the resubmission's
 * review or automatic approval is its way out; a refund needs `funded`).
 */
export function whyContractTakesNoSubmission(
  contract: Pick<ContractRow, 'status' | 'endedAt'>,
  state: Pick<MilestoneStateRow, 'status'> | null,
): WorkRefusal | null {
  switch (contract.status) {
    case 'active':
      return null;
    case 'ended':
      if (state?.status === 'changes_requested') return null;
      return {
        ok: false,
        reason: 'contract-ended',
        message: `This contract ended on ${formatLongDate(contract.endedAt ?? new Date(0))}: it takes no new submissions.`,
      };
    case 'awaiting_compliance':
      return {
        ok: false,
        reason: 'contract-not-started',
        message:
          'This contract starts once your compliance check is approved: submit work after that.',
      };
    default:
      return {
        ok: false,
        reason: 'contract-not-active',
        message: 'This contract is not active: work is submitted on an active contract only.',
      };
  }
}

/** Why a milestone in this state takes no submission (also shown on the submit page). */
export function whyNotSubmittable(state: MilestoneStateRow | null): WorkRefusal {
  switch (state?.status ?? 'unfunded') {
    case 'unfunded':
    case 'funding':
      return {
        ok: false,
        reason: 'not-funded',
        message:
          "This milestone isn't funded yet. Work is submitted once the client has put the money in escrow.",
      };
    case 'submitted':
      return {
        ok: false,
        reason: 'already-submitted',
        message:
          'This milestone is already submitted and waiting for the client. You can resubmit if they ask for changes.',
      };
    case 'refund_requested':
      return {
        ok: false,
        reason: 'refund-requested',
        message:
          'The client asked for this milestone’s money back before your submission arrived, so it was not submitted. Answer the refund request: agree, or refuse and ops decides.',
      };
    default:
      return {
        ok: false,
        reason: 'closed',
        message: 'This milestone is closed: its money was already released or refunded.',
      };
  }
}

export type SubmittedFile = { id: string; fileName: string; mimeType: string; sizeBytes: number };
export type SubmissionView = {
  eventId: string;
  message: string;
  links: string[];
  at: Date;
  files: SubmittedFile[];
};

/** The latest submission of a milestone (callers scope the milestone to the viewer first). */
export async function findLatestSubmission(
  db: DbOrTx,
  milestoneId: string,
): Promise<SubmissionView | null> {
  const [event] = await db
    .select()
    .from(milestoneEvents)
    .where(and(eq(milestoneEvents.milestoneId, milestoneId), eq(milestoneEvents.type, 'submitted')))
    .orderBy(desc(milestoneEvents.createdAt))
    .limit(1);
  if (!event) return null;
  const files = await db
    .select({
      id: storedFiles.id,
      fileName: storedFiles.fileName,
      mimeType: storedFiles.mimeType,
      sizeBytes: storedFiles.sizeBytes,
    })
    .from(milestoneFiles)
    .innerJoin(storedFiles, eq(storedFiles.id, milestoneFiles.fileId))
    .where(eq(milestoneFiles.eventId, event.id));
  return {
    eventId: event.id,
    message: event.message,
    links: event.links,
    at: event.createdAt,
    files,
  };
}

/**
 * A file sent with one of the milestone's submissions, for the two parties and ops only
 * (anyone else, and a file of another milestone, get null: the 404 of an unknown id).
 * Every download is written to the audit log.
 */
export async function openMilestoneFile(
  db: Db,
  input: {
    contractId: string;
    milestoneId: string;
    fileId: string;
    viewer: ContractViewer;
    ip?: string | null;
  },
) {
  if (!isUuid(input.fileId)) return null;
  const work = await findMilestoneWork(db, input);
  if (!work) return null;
  const [row] = await db
    .select({ file: storedFiles })
    .from(milestoneFiles)
    .innerJoin(milestoneEvents, eq(milestoneEvents.id, milestoneFiles.eventId))
    .innerJoin(storedFiles, eq(storedFiles.id, milestoneFiles.fileId))
    .where(
      and(
        eq(milestoneFiles.fileId, input.fileId),
        eq(milestoneEvents.milestoneId, work.milestone.id),
      ),
    );
  if (!row) return null;
  await auditStep(db, {
    actorId: input.viewer.userId,
    action: 'milestone.file_downloaded',
    milestoneId: work.milestone.id,
    ip: input.ip,
    detail: `${work.side}: ${row.file.fileName}`,
  });
  return row.file;
}
