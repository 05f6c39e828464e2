import type { DbOrTx } from '@/db/client';
import type { Blocker, Step } from '@/lib/checklist';
import { listChecks, listContractNeeds, type ContractNeed } from './queries';
import { isRequirementMet, strongestRequirement, type ComplianceRequirement } from './rule';
import {
  complianceState,
  currentApproval,
  describeState,
  formatComplianceDate,
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
  const done = isRequirementMet(ctx.approval?.level ?? null, ctx.openRequired);
  const waitingFor = done ? undefined : stepWaitingFor(ctx.state);
  return [
    {
      key: 'compliance',
      label: 'Compliance check',
      href: COMPLIANCE_HREF,
      done,
      ...(waitingFor ? { waitingFor } : {}),
    },
  ];
}

/** While ops review a submission, or a rejection's 60 days run, the freelancer can only wait. */
function stepWaitingFor(state: ComplianceState): string | undefined {
  if (state.kind === 'under-review')
    return `our review of what you sent on ${formatComplianceDate(state.submittedAt)}`;
  if (state.kind === 'rejected')
    return `${formatComplianceDate(state.resubmitFrom)}, when you can submit again`;
  return undefined;
}

/** "What stands between you and your first payment", for compliance, in plain words. */
export function complianceBlockers(ctx: ComplianceContext, timeZone = 'UTC'): Blocker[] {
  const blockers: Blocker[] = [];
  const { state } = ctx;
  if (state.kind === 'under-review') {
    blockers.push({
      key: 'compliance-review',
      text: 'Your compliance check is under review.',
      status: `Nothing for you to do: you sent it on ${formatComplianceDate(state.submittedAt, timeZone)}, and we will email you the decision.`,
    });
  } else if (state.kind === 'rejected') {
    blockers.push({
      key: 'compliance-rejected',
      text: describeState(state, timeZone),
      status: 'Nothing for you to do until then.',
    });
  } else if (state.kind === 'to-submit') {
    blockers.push({
      key: 'compliance-to-submit',
      text: describeState(state, timeZone),
      href: COMPLIANCE_HREF,
    });
  }
  // The contracts wait on the check: the freelancer acts only when it is theirs to send.
  const action =
    state.kind === 'to-submit'
      ? { href: COMPLIANCE_HREF }
      : { status: 'It starts once the check is approved.' };
  for (const c of ctx.contracts) {
    if (c.status !== 'awaiting_compliance') continue;
    blockers.push({
      key: `compliance-contract-${c.id}`,
      text: `The contract “${c.title}” starts after the compliance check.`,
      ...action,
    });
  }
  return blockers;
}
