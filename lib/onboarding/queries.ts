import type { JsonRow } from '@/db/json-rows';
import { clientWorkspaces, contracts, freelancerProfiles, users } from '@/db/schema';

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
export const FREELANCER_CONTRACT_STATUSES = [
  'offered',
  'awaiting_compliance',
  'active',
  'declined',
  'ended',
] as const;

/** One of the freelancer's contracts (offers included), as loadOnboardingRecords reads them. */
export type FreelancerContract = JsonRow<typeof freelancerContractColumns>;
