import type { DbOrTx } from '@/db/client';
import type { Blocker, Step } from '@/lib/checklist';
import { listChecks, listContractNeeds, type ContractNeed } from './queries';
import { isRequirementMet, strongestRequirement, type ComplianceRequirement } from './rule';
import {
  complianceState,
  currentApproval,
  describeState,
  type CheckSummary,
  type ComplianceState,
  type CurrentApproval,
} from './state';

/** Everything the checklist, the blockers panel and the compliance page read, loaded once. */
export type ComplianceContext = {
  contracts: ContractNeed[];
  /** What the contracts waiting for compliance need now; the strictest wins. */
  required: ComplianceRequirement;
  /** What any live contract (offered, waiting or active) needs: whether the step exists at all. */
  anyRequired: ComplianceRequirement;
  /** What open contracts (offered or waiting) need: the step is done once an approval covers it. */
  openRequired: ComplianceRequirement;
  approval: CurrentApproval | null;
  latest: CheckSummary | null;
  state: ComplianceState;
};

export const COMPLIANCE_HREF = '/onboarding/compliance';

export function buildComplianceContext(
  contracts: ContractNeed[],
  checks: CheckSummary[],
  now: Date,
): ComplianceContext {
  const need = (statuses: ContractNeed['status'][]) =>
    strongestRequirement(
      contracts.filter((c) => statuses.includes(c.status)).map((c) => c.requirement),
    );
  const required = need(['awaiting_compliance']);
  return {
    contracts,
    required,
    anyRequired: need(['offered', 'awaiting_compliance', 'active']),
    openRequired: need(['offered', 'awaiting_compliance']),
    approval: currentApproval(checks, now),
    latest: checks[0] ?? null,
    state: complianceState({ required, checks }, now),
  };
}

export async function loadComplianceContext(
  db: DbOrTx,
  userId: string,
  now: Date = new Date(),
): Promise<ComplianceContext> {
  const [contracts, checks] = await Promise.all([
    listContractNeeds(db, userId),
    listChecks(db, userId),
  ]);
  return buildComplianceContext(contracts, checks, now);
}

/** The checklist entry: only for freelancers with a contract that needs the check. */
export function complianceSteps(ctx: ComplianceContext): Step[] {
  if (ctx.anyRequired === 'none') return [];
  return [
    {
      key: 'compliance',
      label: 'Compliance check',
      href: COMPLIANCE_HREF,
      done: isRequirementMet(ctx.approval?.level ?? null, ctx.openRequired),
    },
  ];
}

/** "What stands between you and your first payment", for compliance, in plain words. */
export function complianceBlockers(ctx: ComplianceContext, timeZone = 'UTC'): Blocker[] {
  const blockers: Blocker[] = [];
  const { state } = ctx;
  if (state.kind === 'under-review') {
    blockers.push({
      key: 'compliance-review',
      text: 'Your compliance check is under review.',
      href: COMPLIANCE_HREF,
    });
  } else if (state.kind === 'rejected' || state.kind === 'to-submit') {
    blockers.push({
      key: `compliance-${state.kind}`,
      text: describeState(state, timeZone),
      href: COMPLIANCE_HREF,
    });
  }
  for (const c of ctx.contracts) {
    if (c.status !== 'awaiting_compliance') continue;
    blockers.push({
      key: `compliance-contract-${c.id}`,
      text: `The contract “${c.title}” starts after the compliance check.`,
      href: COMPLIANCE_HREF,
    });
  }
  return blockers;
}
