import { desc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { complianceChecks } from '@/db/schema';
import { loadComplianceContext } from './onboarding';
import { findWorkspaceContract } from './queries';
import {
  complianceRequirement,
  contractTermsOf,
  type ClientType,
  type ComplianceRequirement,
} from './rule';
import { formatComplianceDate, type ComplianceState } from './state';

type ContractStatus =
  'offered' | 'awaiting_compliance' | 'active' | 'declined' | 'withdrawn' | 'ended';

const WHAT: Record<Exclude<ComplianceRequirement, 'none'>, string> = {
  questionnaire: 'a questionnaire',
  questionnaire_and_documents: 'a questionnaire and business documents',
};

/**
 * The one line a client sees about compliance: the status only, never the answers, the
 * documents or a rejection's reason (those belong to the freelancer).
 */
export function clientComplianceLine(input: {
  contractStatus: ContractStatus;
  requirement: ComplianceRequirement;
  freelancerState: ComplianceState | null;
}): string {
  const { contractStatus, requirement, freelancerState: state } = input;
  if (requirement === 'none') return 'Not needed for this contract.';
  switch (contractStatus) {
    case 'offered':
      return `Needed once the freelancer accepts: ${WHAT[requirement]}, reviewed by Workbridge.`;
    case 'declined':
    case 'withdrawn':
      return 'Not needed: the offer is no longer open.';
    case 'ended':
      return 'Not needed any more: the contract has ended.';
    case 'active':
      return 'Approved; the contract is active.';
    case 'awaiting_compliance':
      if (state?.kind === 'under-review')
        return 'Under review by Workbridge; the contract starts when it is approved.';
      if (state?.kind === 'rejected') {
        return `Not approved; the freelancer can submit again from ${formatComplianceDate(state.resubmitFrom)}. The contract starts after the compliance check is approved.`;
      }
      if (state?.kind === 'approved') return 'Approved; the contract is starting.';
      return 'Waiting for the freelancer to submit it; the contract starts after the compliance check.';
  }
}

/** The line for one of the workspace's invites; null when the invite has no contract in this workspace. */
export async function loadClientComplianceLine(
  db: DbOrTx,
  input: { workspaceId: string; inviteId: string },
  now: Date = new Date(),
): Promise<string | null> {
  const contract = await findWorkspaceContract(db, input.workspaceId, input.inviteId);
  if (!contract) return null;
  const requirement = complianceRequirement({
    clientType: contract.workspaceType as ClientType,
    contract: contractTermsOf(contract),
  });
  const freelancerState =
    contract.status === 'awaiting_compliance' && contract.freelancerId
      ? (await loadComplianceContext(db, contract.freelancerId, now)).state
      : null;
  return clientComplianceLine({ contractStatus: contract.status, requirement, freelancerState });
}

/**
 * Of these freelancers, those whose latest compliance check was rejected: their contracts
 * cannot start until they pass. For the client's lists, which show the status only.
 */
export async function findFreelancersNotApproved(
  db: DbOrTx,
  freelancerIds: string[],
): Promise<Set<string>> {
  const ids = [...new Set(freelancerIds)];
  if (ids.length === 0) return new Set();
  const latest = await db
    .selectDistinctOn([complianceChecks.userId], {
      userId: complianceChecks.userId,
      status: complianceChecks.status,
    })
    .from(complianceChecks)
    .where(inArray(complianceChecks.userId, ids))
    .orderBy(complianceChecks.userId, desc(complianceChecks.submittedAt));
  return new Set(latest.filter((c) => c.status === 'rejected').map((c) => c.userId));
}
