import { and, asc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { clientWorkspaces, contracts, milestones, milestoneStates } from '@/db/schema';

/** A milestone not yet in escrow: never asked for, declined, or its charge still processing. */
export const NOT_FUNDED_STATUSES = ['unfunded', 'funding'] as const;

/** An accepted fixed-price contract whose milestone 1 the client has not funded yet. */
export type FundingWait = {
  contractId: string;
  title: string;
  workspaceName: string;
  milestoneId: string;
  /** True while the client's payment is processing (asked for, not settled). */
  isProcessing: boolean;
};

/**
 * SPEC 4.D: until milestone 1 is funded both sides see "waiting for the client to fund
 * milestone 1". Here, below the domains that list it (the freelancer's blockers panel in
 * lib/onboarding, the milestone pages in lib/milestones), so both read one definition.
 */
export async function findFundingWaits(
  db: DbOrTx,
  scope: { freelancerId: string } | { contractId: string },
): Promise<FundingWait[]> {
  const owner: SQL =
    'freelancerId' in scope
      ? eq(contracts.freelancerId, scope.freelancerId)
      : eq(contracts.id, scope.contractId);
  const rows = await db
    .select({
      contractId: contracts.id,
      title: contracts.title,
      workspaceName: clientWorkspaces.name,
      milestoneId: milestones.id,
      status: milestoneStates.status,
    })
    .from(contracts)
    .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, contracts.workspaceId))
    .innerJoin(milestones, and(eq(milestones.contractId, contracts.id), eq(milestones.position, 1)))
    .leftJoin(milestoneStates, eq(milestoneStates.milestoneId, milestones.id))
    .where(
      and(
        owner,
        eq(contracts.kind, 'fixed'),
        inArray(contracts.status, ['active', 'awaiting_compliance']),
        or(
          isNull(milestoneStates.status),
          inArray(milestoneStates.status, [...NOT_FUNDED_STATUSES]),
        ),
      ),
    )
    .orderBy(asc(contracts.createdAt));
  return rows.map(({ status, ...row }) => ({ ...row, isProcessing: status === 'funding' }));
}
