import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { jsonRows } from '@/db/json-rows';
import { param, preparedQuery } from '@/db/prepared';
import {
  clientWorkspaces,
  complianceChecks,
  contracts,
  invites,
  payoutMethods,
  pendingConfirmations,
  profiles,
  taxProfiles,
  users,
} from '@/db/schema';
import { openConfirmationOf } from '@/lib/accounts/confirmations';
import { now } from '@/lib/clock';
import { CHECK_ORDER, checkSummaryColumns } from '@/lib/compliance/queries';
import {
  activePayoutMethodsOf,
  PAYOUT_METHOD_ORDER,
  visibleColumns as payoutMethodColumns,
} from '@/lib/payouts/queries';
import { FREELANCER_CONTRACT_STATUSES, freelancerContractColumns } from './queries';

/**
 * Everything the onboarding checklist and the payment blockers read about a freelancer, in
 * one statement: their contracts, compliance checks and payout methods (as JSON lists, see
 * jsonRows), their profile, whether tax information is on file and how many payout changes
 * wait for an emailed confirmation. It was five statements, asked on every onboarding page.
 * Each list is filtered by the user id parameter; checks and payout methods share their
 * filters and order with listChecks and listActivePayoutMethods (records.test.ts compares them).
 */
export async function loadOnboardingRecords(db: DbOrTx, userId: string) {
  const query = preparedQuery(db, 'loadOnboardingRecords', (db) => {
    const user = param('userId');
    return db
      .select({
        profile: profiles,
        hasTaxInfo: sql<boolean>`exists (select 1 from ${taxProfiles} where ${taxProfiles.userId} = ${users.id})`,
        pendingPayoutConfirmations: sql<number>`(${db
          .select({ n: count() })
          .from(pendingConfirmations)
          .where(openConfirmationOf(users.id, param('now')))})`.mapWith(Number),
        contracts: jsonRows(
          freelancerContractColumns,
          sql`from ${contracts}
            inner join ${invites} on ${invites.id} = ${contracts.inviteId}
            inner join ${clientWorkspaces} on ${clientWorkspaces.id} = ${contracts.workspaceId}
            inner join ${users} on ${users.id} = ${invites.invitedById}
            where ${and(eq(contracts.freelancerId, user), inArray(contracts.status, [...FREELANCER_CONTRACT_STATUSES]))}`,
          [asc(contracts.createdAt)],
        ),
        checks: jsonRows(
          checkSummaryColumns,
          sql`from ${complianceChecks} where ${eq(complianceChecks.userId, user)}`,
          CHECK_ORDER,
        ),
        payoutMethods: jsonRows(
          payoutMethodColumns,
          sql`from ${payoutMethods} where ${activePayoutMethodsOf(user)}`,
          PAYOUT_METHOD_ORDER,
        ),
      })
      .from(users)
      .leftJoin(profiles, eq(profiles.userId, users.id))
      .where(eq(users.id, user));
  });
  const [row] = await query.execute({ userId, now: now().toISOString() });
  return (
    row ?? {
      profile: null,
      hasTaxInfo: false,
      pendingPayoutConfirmations: 0,
      contracts: [],
      checks: [],
      payoutMethods: [],
    }
  );
}

export type OnboardingRecords = Awaited<ReturnType<typeof loadOnboardingRecords>>;
