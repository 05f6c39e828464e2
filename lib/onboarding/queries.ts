import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { param, preparedQuery } from '@/db/prepared';
import { clientWorkspaces, contracts, freelancerProfiles, invites, users } from '@/db/schema';

export type FreelancerProfileRow = typeof freelancerProfiles.$inferSelect;

/** The freelancer's contracts (offers included), with who offered them. */
export async function listFreelancerContracts(db: DbOrTx, userId: string) {
  const query = preparedQuery(db, 'listFreelancerContracts', (db) =>
    db
      .select({
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
      })
      .from(contracts)
      .innerJoin(invites, eq(invites.id, contracts.inviteId))
      .innerJoin(clientWorkspaces, eq(clientWorkspaces.id, contracts.workspaceId))
      .innerJoin(users, eq(users.id, invites.invitedById))
      .where(
        and(
          eq(contracts.freelancerId, param('userId')),
          inArray(contracts.status, ['offered', 'awaiting_compliance', 'active', 'declined']),
        ),
      )
      .orderBy(asc(contracts.createdAt))
      .prepare('listFreelancerContracts'),
  );
  return query.execute({ userId });
}

export type FreelancerContract = Awaited<ReturnType<typeof listFreelancerContracts>>[number];
