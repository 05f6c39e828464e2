import { and, asc, eq, inArray, isNull, lte, notExists, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import {
  contractAcceptances,
  contracts,
  milestoneEvents,
  milestones,
  milestoneStates,
} from '@/db/schema';
import { now } from '@/lib/clock';
import { formatMoney } from '@/lib/money/money';
import { NOT_FUNDED_STATUSES } from '@/lib/onboarding/funding-waits';
import { recordMilestoneStep } from './history';
import { milestonePath, sendMoneyNotice } from './notices';
import { findContractParties } from './queries';

/** The client is reminded once, 2 days after acceptance, while milestone 1 is not funded. */
export const FUNDING_REMINDER_AFTER_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * Tick step (lib/tick): one email to the client of each accepted fixed-price contract
 * whose milestone 1 is still unfunded 2 days after the freelancer accepted. Recorded as
 * the milestone's `reminder_sent` step, which is also what makes it once: rows are taken
 * under a row lock that other workers skip (SKIP LOCKED), and the step is checked again
 * under it. Returns how many reminders it sent.
 */
export async function remindUnfundedMilestones(
  db: Db,
  at: Date = now(),
  batchSize = 100,
): Promise<number> {
  const dueBefore = new Date(at.getTime() - FUNDING_REMINDER_AFTER_MS);
  let sent = 0;
  for (;;) {
    const handled = await db.transaction(async (tx) => {
      const due = await tx
        .select({ milestone: milestones, contractId: contracts.id })
        .from(milestones)
        .innerJoin(contracts, eq(contracts.id, milestones.contractId))
        .innerJoin(contractAcceptances, eq(contractAcceptances.contractId, contracts.id))
        .leftJoin(milestoneStates, eq(milestoneStates.milestoneId, milestones.id))
        .where(
          and(
            eq(milestones.position, 1),
            eq(contracts.kind, 'fixed'),
            inArray(contracts.status, ['active', 'awaiting_compliance']),
            lte(contractAcceptances.acceptedAt, dueBefore),
            or(
              isNull(milestoneStates.status),
              inArray(milestoneStates.status, [...NOT_FUNDED_STATUSES]),
            ),
            notExists(
              tx
                .select({ id: milestoneEvents.id })
                .from(milestoneEvents)
                .where(
                  and(
                    eq(milestoneEvents.milestoneId, milestones.id),
                    eq(milestoneEvents.type, 'reminder_sent'),
                  ),
                ),
            ),
          ),
        )
        .orderBy(asc(contractAcceptances.acceptedAt))
        .limit(batchSize)
        .for('update', { of: milestones, skipLocked: true });
      for (const { milestone, contractId } of due) {
        const parties = await findContractParties(tx, contractId);
        await recordMilestoneStep(tx, {
          milestoneId: milestone.id,
          contractId,
          type: 'reminder_sent',
          actorId: null,
          message: `Reminder to ${parties.client.email}: milestone 1 is not funded yet.`,
        });
        await sendMoneyNotice(tx, parties.client.email, 'milestone-funding-reminder', {
          firstName: parties.client.name,
          heading: `Fund milestone 1 of “${parties.contract.title}” so work can start`,
          paragraphs: [
            `${parties.freelancer?.firstName || 'Your freelancer'} accepted “${parties.contract.title}” and is waiting for you to fund milestone 1 (${milestone.description}, ${formatMoney(milestone.amountCents, milestone.currency)}).`,
            'The money is held in escrow and released only when you approve the work.',
          ],
          actionLabel: 'Fund milestone 1',
          path: milestonePath(contractId, milestone.id),
        });
      }
      return due.length;
    });
    sent += handled;
    if (handled < batchSize) return sent;
  }
}
