import { and, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import { jobPosts, proposalAttachments, proposals } from '@/db/schema';
import { now } from '@/lib/clock';
import { getEnv } from '@/lib/env';
import type { CheckedAttachment } from '@/lib/files/attachments';
import { fileStorage } from '@/lib/files/storage';
import { isUniqueViolation } from '@/lib/invites/service';
import { discardProposalDraft } from './drafts';
import { findJobOpenToFreelancer, JOB_NOT_FOUND, type JobAccess } from './job-access';
import { checkBid, type FieldErrors, type ProposalData } from './schemas';

export type ProposalResult =
  { ok: true; proposalId: string } | { ok: false; message: string; fieldErrors?: FieldErrors };

const DAY_MS = 24 * 60 * 60 * 1000;
/** Before an offer or a decline settles it (archiving is only the client's filing). */
const WITHDRAWABLE: ProposalStatus[] = ['submitted', 'shortlisted', 'archived'];
export const DUPLICATE_MESSAGE = 'You already sent a proposal to this job.';

export function dailyCapMessage(cap: number) {
  return `You have sent ${cap} proposals in the last 24 hours, the most we allow. Try again later.`;
}

/** The freelancer's proposal to this job, if they sent one (one per job and freelancer). */
export async function findOwnProposal(db: DbOrTx, jobPostId: string, freelancerId: string) {
  const [row] = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.jobPostId, jobPostId), eq(proposals.freelancerId, freelancerId)));
  return row;
}

/**
 * Submits a proposal. The cap counts the freelancer's proposals submitted in the last 24
 * hours (a rolling window, like the invite limits), under a per-freelancer advisory lock so
 * two tabs cannot both take the last slot; a second proposal to the same job loses on the
 * unique index even when both race past the first check. The files (already checked with
 * checkAttachments) are stored in the same transaction: a refused proposal stores none.
 */
export async function submitProposal(
  db: Db,
  {
    freelancerId,
    input,
    files = [],
  }: { freelancerId: string; input: ProposalData; files?: readonly CheckedAttachment[] },
): Promise<ProposalResult> {
  try {
    return await db.transaction(async (tx) => {
      const access = await findJobOpenToFreelancer(tx, input.jobPostId, freelancerId);
      if (!access.ok) return { ok: false, message: access.message };
      const { job } = access;
      const fieldErrors: FieldErrors = {};
      job.questions.forEach((_, i) => {
        if (!input.answers[i]) fieldErrors[`answers.${i}`] = ['Answer this question.'];
      });
      const bid = checkBid(job.budgetKind, input);
      if (!bid.ok) Object.assign(fieldErrors, bid.fieldErrors);
      if (!bid.ok || Object.keys(fieldErrors).length > 0)
        return { ok: false, message: 'Check the highlighted fields.', fieldErrors };
      if (await findOwnProposal(tx, job.id, freelancerId))
        return { ok: false, message: DUPLICATE_MESSAGE };

      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'proposals:' + freelancerId}))`);
      const cap = getEnv().PROPOSALS_DAILY_CAP;
      const [{ n }] = await tx
        .select({ n: count() })
        .from(proposals)
        .where(
          and(
            eq(proposals.freelancerId, freelancerId),
            gt(proposals.submittedAt, new Date(now().getTime() - DAY_MS)),
          ),
        );
      if (n >= cap) return { ok: false, message: dailyCapMessage(cap) };

      const [row] = await tx
        .insert(proposals)
        .values({
          jobPostId: job.id,
          freelancerId,
          coverLetter: input.coverLetter,
          answers: job.questions.map((question, i) => ({ question, answer: input.answers[i] })),
          bidShape: bid.bid.bidShape,
          hourlyRateCents: bid.bid.hourlyRateCents,
          bidCents: bid.bid.bidCents,
          milestones: bid.bid.milestones,
          currency: job.currency,
          estimatedDuration: input.estimatedDuration,
          submittedAt: now(),
        })
        .returning({ id: proposals.id });
      for (const file of files) {
        const stored = await fileStorage.put(tx, {
          ownerId: freelancerId,
          purpose: 'proposal-file',
          fileName: file.safeName,
          mimeType: file.mime,
          bytes: file.bytes,
        });
        await tx.insert(proposalAttachments).values({ proposalId: row.id, fileId: stored.id });
      }
      // A refusal's kept text (sent without JavaScript) goes with the proposal it was for.
      await discardProposalDraft(tx, freelancerId, job.id);
      return { ok: true as const, proposalId: row.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, message: DUPLICATE_MESSAGE };
    throw error;
  }
}

/** Withdraws the freelancer's own proposal, before an offer (or a decline) settles it. */
export async function withdrawProposal(
  db: Db,
  { freelancerId, proposalId }: { freelancerId: string; proposalId: string },
): Promise<ProposalResult> {
  const at = now();
  const [row] = await db
    .update(proposals)
    .set({ status: 'withdrawn', withdrawnAt: at, updatedAt: at })
    .where(
      and(
        eq(proposals.id, proposalId),
        eq(proposals.freelancerId, freelancerId),
        inArray(proposals.status, WITHDRAWABLE),
      ),
    )
    .returning({ id: proposals.id });
  if (row) return { ok: true, proposalId: row.id };
  const [existing] = await db
    .select({ status: proposals.status })
    .from(proposals)
    .where(and(eq(proposals.id, proposalId), eq(proposals.freelancerId, freelancerId)));
  if (!existing) return { ok: false, message: 'We could not find that proposal.' };
  return { ok: false, message: whyNotWithdrawable(existing.status) };
}

export type ProposalRow = typeof proposals.$inferSelect;
export type ProposalStatus = ProposalRow['status'];

/** What /jobs/[id]/propose shows: whether the job takes this proposal, and an earlier one. */
export async function loadProposeForm(
  db: DbOrTx,
  { freelancerId, jobPostId }: { freelancerId: string; jobPostId: string },
): Promise<{ access: JobAccess; existingProposalId: string | null }> {
  if (!z.uuid().safeParse(jobPostId).success)
    return {
      access: { ok: false, reason: 'not_found', message: JOB_NOT_FOUND },
      existingProposalId: null,
    };
  const access = await findJobOpenToFreelancer(db, jobPostId, freelancerId);
  const existing =
    access.ok || access.reason !== 'not_found'
      ? await findOwnProposal(db, jobPostId, freelancerId)
      : undefined;
  return { access, existingProposalId: existing?.id ?? null };
}

/** The freelancer's proposals, newest first, each with its job's id and title. */
export async function listOwnProposals(db: DbOrTx, freelancerId: string) {
  return db
    .select({
      id: proposals.id,
      jobPostId: proposals.jobPostId,
      jobTitle: jobPosts.title,
      status: proposals.status,
      bidShape: proposals.bidShape,
      hourlyRateCents: proposals.hourlyRateCents,
      bidCents: proposals.bidCents,
      currency: proposals.currency,
      submittedAt: proposals.submittedAt,
    })
    .from(proposals)
    .innerJoin(jobPosts, eq(jobPosts.id, proposals.jobPostId))
    .where(eq(proposals.freelancerId, freelancerId))
    .orderBy(desc(proposals.submittedAt), desc(proposals.id));
}

/** One of the freelancer's own proposals with its job; null for anyone else's id. */
export async function findOwnProposalById(
  db: DbOrTx,
  { freelancerId, proposalId }: { freelancerId: string; proposalId: string },
) {
  if (!z.uuid().safeParse(proposalId).success) return null;
  const [row] = await db
    .select({ proposal: proposals, job: jobPosts })
    .from(proposals)
    .innerJoin(jobPosts, eq(jobPosts.id, proposals.jobPostId))
    .where(and(eq(proposals.id, proposalId), eq(proposals.freelancerId, freelancerId)));
  return row ?? null;
}

/** Whether the freelancer may still withdraw a proposal in this status. */
export function isWithdrawable(status: ProposalStatus): boolean {
  return WITHDRAWABLE.includes(status);
}

const SETTLED: Partial<Record<ProposalStatus, string>> = {
  offered: 'The client already sent you an offer: answer the offer instead.',
  declined: 'The client declined this proposal.',
  withdrawn: 'You already withdrew this proposal.',
};

/** Why a proposal in this status can no longer be withdrawn. */
export function whyNotWithdrawable(status: ProposalStatus): string {
  return SETTLED[status] ?? 'This proposal cannot be withdrawn.';
}
