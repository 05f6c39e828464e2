/**
 * Ending a contract (issue 16, SPEC 4.D "ending a contract with funds in escrow follows the
 * same path" as a refund request). Only the client ends, an accepted contract (active or
 * awaiting compliance), in one transaction under the contract's row lock: the status and
 * who/when/why, a refund request for every funded unsubmitted milestone, the freelancer's
 * running timer stopped, the audit entry and the email to the freelancer. What ending
 * means afterwards (no new time, no funding, the last week still invoiced) lives with each
 * rule: lib/hourly, lib/milestones. docs/FIXED-PRICE.md "Ending a contract".
 */
import { createElement } from 'react';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { contracts, milestoneStates, milestones } from '@/db/schema';
import ContractEndedEmail from '@/emails/contract-ended';
import { recordAudit } from '@/lib/audit/log';
import { now } from '@/lib/clock';
import {
  findContractForViewer,
  type ContractRow,
  type ContractViewer,
} from '@/lib/contracts/access';
import { formatLongDate } from '@/lib/dates/format';
import { sendEmail } from '@/lib/email/outbox';
import { stopTimerAtEnding } from '@/lib/hourly/service';
import { cancelFundingRetriesAtEnding } from '@/lib/milestones/funding-retries';
import { appUrl } from '@/lib/milestones/notices';
import { findContractParties, partyNames } from '@/lib/milestones/queries';
import { requestEndingRefunds } from '@/lib/milestones/refunds';

export type EndRefusal = { ok: false; reason: string; message: string };
export type EndResult =
  { ok: true; refundRequests: number; inReview: number; timerMinutes: number } | EndRefusal;

const refuse = (reason: string, message: string): EndRefusal => ({ ok: false, reason, message });

export const UNKNOWN_CONTRACT = refuse(
  'unknown',
  "We couldn't find this contract. Check the link, or open it from your contracts.",
);

/** Who may end: the client of an accepted contract; anything else, in words. */
export function whyNotEndable(contract: ContractRow): EndRefusal | null {
  switch (contract.status) {
    case 'active':
    case 'awaiting_compliance':
      return null;
    case 'ended':
      return refuse(
        'already-ended',
        `This contract already ended on ${formatLongDate(contract.endedAt ?? new Date(0))}.`,
      );
    case 'offered':
      return refuse(
        'not-accepted',
        'The freelancer has not accepted this offer yet: there is no contract to end. Revoke the invite instead.',
      );
    case 'declined':
    case 'withdrawn':
      return refuse('not-accepted', 'This offer was not accepted: there is no contract to end.');
  }
}

/** What ending does to each milestone of a fixed contract right now (the page and the email). */
export async function milestonesAtEnding(tx: Db | Tx, contractId: string) {
  return tx
    .select({
      description: milestones.description,
      position: milestones.position,
      status: sql<string>`coalesce(${milestoneStates.status}::text, 'unfunded')`,
    })
    .from(milestones)
    .leftJoin(milestoneStates, eq(milestoneStates.milestoneId, milestones.id))
    .where(eq(milestones.contractId, contractId))
    .orderBy(milestones.position);
}

const stillProcessing = (position: number) =>
  refuse(
    'funding-processing',
    `The payment for milestone ${position} is still processing. End the contract once it has settled (usually a few minutes): its money then gets a refund request like the others.`,
  );

/** A milestone whose charge is still processing would land in escrow after the ending. */
function fundingInProgress(rows: Awaited<ReturnType<typeof milestonesAtEnding>>) {
  return rows.find((m) => m.status === 'funding');
}

export async function endContract(
  db: Db,
  input: { contractId: string; viewer: ContractViewer; message: string; ip?: string | null },
): Promise<EndResult> {
  const found = await findContractForViewer(db, input.contractId, input.viewer);
  if (!found) return UNKNOWN_CONTRACT;
  if (found.side !== 'client') {
    return refuse('not-client', 'Only the client of this contract can end it.');
  }
  const at = now();
  return db.transaction(async (tx) => {
    // The row lock makes a second ending (a double click, another tab) wait and then see
    // `ended`: one ending, one audit entry, one email.
    const [contract] = await tx
      .select()
      .from(contracts)
      .where(eq(contracts.id, input.contractId))
      .for('update');
    const refused = whyNotEndable(contract);
    if (refused) return refused;
    const before = contract.kind === 'fixed' ? await milestonesAtEnding(tx, contract.id) : [];
    const processing = fundingInProgress(before);
    if (processing) {
      return stillProcessing(processing.position);
    }
    // A declined funding waiting for its retry would otherwise land in the escrow of an
    // ended contract with no refund request: the retry is cancelled (or, already on its
    // way to the card, the ending waits like a milestone still `funding`).
    const retries =
      contract.kind === 'fixed'
        ? await cancelFundingRetriesAtEnding(tx, {
            contractId: contract.id,
            actorId: input.viewer.userId,
            ip: input.ip,
          })
        : { ok: true as const, cancelled: 0 };
    if (!retries.ok) {
      return stillProcessing(retries.position);
    }
    const [ended] = await tx
      .update(contracts)
      .set({
        status: 'ended',
        endedAt: at,
        endedBy: input.viewer.userId,
        endMessage: input.message,
        updatedAt: at,
      })
      .where(eq(contracts.id, contract.id))
      .returning();
    const refundRequests =
      contract.kind === 'fixed'
        ? await requestEndingRefunds(
            tx,
            { contract: ended, actorId: input.viewer.userId, message: input.message, ip: input.ip },
            at,
          )
        : 0;
    const timerMinutes = await stopTimerAtEnding(tx, ended, input.viewer.userId, at);
    const after = contract.kind === 'fixed' ? await milestonesAtEnding(tx, contract.id) : [];
    const inReview = after.filter((m) => m.status === 'submitted').length;
    await recordAudit(tx, {
      actorId: input.viewer.userId,
      action: 'contract.ended',
      targetType: 'contract',
      targetId: contract.id,
      ip: input.ip ?? null,
      detail: `${contract.kind}; ${refundRequests} refund request(s); ${inReview} in review; ${retries.cancelled} funding retry(ies) cancelled`,
    });
    await tellFreelancer(tx, ended, input.message, after);
    return { ok: true, refundRequests, inReview, timerMinutes };
  });
}

async function tellFreelancer(
  tx: Tx,
  contract: ContractRow,
  message: string,
  milestoneRows: Awaited<ReturnType<typeof milestonesAtEnding>>,
) {
  const parties = await findContractParties(tx, contract.id);
  if (!parties.freelancer) return;
  const client = partyNames(parties).client;
  const headline =
    client === parties.client.workspaceName
      ? `${client} ended “${contract.title}”`
      : `${client} of ${parties.client.workspaceName} ended “${contract.title}”`;
  await sendEmail(tx, {
    to: parties.freelancer.email,
    subject: headline,
    template: 'contract-ended',
    element: createElement(ContractEndedEmail, {
      headline,
      contractTitle: contract.title,
      message,
      paragraphs: endingParagraphs(contract, milestoneRows),
      url: appUrl(`/contracts/${contract.id}`),
    }),
  });
}

/** What the ending means for the freelancer, in the email's words. */
export function endingParagraphs(
  contract: Pick<ContractRow, 'kind'>,
  milestoneRows: { description: string; status: string }[],
): string[] {
  if (contract.kind === 'hourly') {
    return [
      'No new time can be recorded. Time already in your diary is invoiced at the next Monday 12:00 UTC tick, and open invoices keep their review and disputes as usual.',
    ];
  }
  const asked = milestoneRows.filter((m) => m.status === 'refund_requested');
  const inReview = milestoneRows.filter(
    (m) => m.status === 'submitted' || m.status === 'changes_requested',
  );
  const lines: string[] = [];
  if (asked.length > 0) {
    lines.push(
      `${asked.map((m) => `“${m.description}”`).join(', ')}: the client asks for the money in escrow back. Agree or refuse on each milestone's page within 7 days; without an answer Workbridge ops decides.`,
    );
  }
  if (inReview.length > 0) {
    lines.push(
      `${inReview.map((m) => `“${m.description}”`).join(', ')}: your work stays in review. The client can still approve it, and a submission is approved automatically after 14 days.`,
    );
  }
  if (lines.length === 0) lines.push('No money of this contract is in escrow.');
  return lines;
}
