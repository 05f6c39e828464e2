import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { milestones, milestoneStates } from '@/db/schema';

export type MilestoneStatus = (typeof milestoneStates.$inferSelect)['status'];

export type MilestoneWithState = {
  id: string;
  position: number;
  description: string;
  amountCents: number;
  currency: string;
  dueDate: string;
  /** milestone_state, or `unfunded` before it has a row (SPEC 4.D). */
  status: MilestoneStatus;
};

/** A fixed-price contract's milestones in order, each with where it stands: one query. */
export async function listMilestonesWithState(
  db: DbOrTx,
  contractId: string,
): Promise<MilestoneWithState[]> {
  const rows = await db
    .select({
      id: milestones.id,
      position: milestones.position,
      description: milestones.description,
      amountCents: milestones.amountCents,
      currency: milestones.currency,
      dueDate: milestones.dueDate,
      status: milestoneStates.status,
    })
    .from(milestones)
    .leftJoin(milestoneStates, eq(milestoneStates.milestoneId, milestones.id))
    .where(eq(milestones.contractId, contractId))
    .orderBy(asc(milestones.position));
  return rows.map((row) => ({ ...row, status: row.status ?? 'unfunded' }));
}
