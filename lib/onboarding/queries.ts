import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { param, preparedQuery } from '@/db/prepared';
import { clientWorkspaces, contracts, freelancerProfiles, invites, users } from '@/db/schema';

export type FreelancerProfileRow = typeof freelancerProfiles.$inferSelect;

/** A contract as the freelancer's checklist sees it, with who offered it. */
export const freelancerContractColumns = {
  id: contracts.id,
  title: contracts.title,
  status: contracts.status,
  kind: contracts.kind,
  weeklyLimitHours: contracts.weeklyLimitHours,
  inviteId: contracts.inviteId,
  workspaceId: clientWorkspaces.id,
  workspaceName: clientWorkspaces.name,
  workspaceType: clientWorkspaces.type,
  inviterName: users.name,
};

/** The statuses the freelancer sees (a withdrawn offer is gone for them). */
export const FREELANCER_CONTRACT_STATUSES = ['offered', 'awaiting_compliance', 'active', 'declined'] as const;

/** The freelancer's contracts (offers included), with who offered them. */
export async function listFreelancerContracts(db: DbOrTx, userId: string) {
  const query = preparedQuery(db, 'listFreelancerContracts', (db) =>
    db
      .select(freelancerContractColumns)
      .from(contracts)
      .innerJoin(invites, eq(invites.id, contracts.inviteId))
      .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, contracts.workspaceId))
      .innerJoin(users, eq(users.id, invites.invitedById))
      .where(
        and(
          eq(contracts.freelancerId, param('userId')),
          inArray(contracts.status, [...FREELANCER_CONTRACT_STATUSES]),
        ),
      )
      .orderBy(asc(contracts.createdAt))
      .prepare('listFreelancerContracts'),
  );
  return query.execute({ userId });
}

export type FreelancerContract = Awaited<ReturnType<typeof listFreelancerContracts>>[number];
