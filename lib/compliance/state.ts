import {
  approvalExpiresAt,
  canResubmit,
  earliestResubmission,
  isApprovalCurrent,
} from './questions';
import { isRequirementMet, type ComplianceLevel, type ComplianceRequirement } from './rule';
import { formatDateAndTime } from '@/lib/dates/format';

/** One compliance check as the pages and rules see it (never its answers or files). */
export type CheckSummary = {
  id: string;
  level: ComplianceLevel;
  status: 'submitted' | 'approved' | 'rejected';
  submittedAt: Date;
  decidedAt: Date | null;
  rejectionReason: string | null;
};

export type CurrentApproval = { checkId: string; level: ComplianceLevel; validUntil: Date };

export type ComplianceState =
  | { kind: 'under-review'; level: ComplianceLevel; submittedAt: Date }
  | { kind: 'approved'; level: ComplianceLevel; validUntil: Date }
  | { kind: 'not-needed' }
  | { kind: 'rejected'; reason: string; resubmitFrom: Date }
  | {
      kind: 'to-submit';
      level: ComplianceLevel;
      /** The reason of the last rejection, once its 60 days are over. */
      lastRejection: string | null;
      /** When the last approval ran out, if that is why a check is due again. */
      expiredAt: Date | null;
      /** A current approval that covers less than what is needed now. */
      coveredLevel: ComplianceLevel | null;
    };

const RANK: Record<ComplianceLevel, number> = { questionnaire: 1, questionnaire_and_documents: 2 };

/**
 * The approval that counts now: among approvals younger than a year, the strongest level,
 * then the one that lasts longest.
 */
export function currentApproval(
  checks: readonly CheckSummary[],
  now: Date,
): CurrentApproval | null {
  let best: CurrentApproval | null = null;
  for (const check of checks) {
    if (check.status !== 'approved' || !check.decidedAt || !isApprovalCurrent(check.decidedAt, now))
      continue;
    const candidate = {
      checkId: check.id,
      level: check.level,
      validUntil: approvalExpiresAt(check.decidedAt),
    };
    if (
      !best ||
      RANK[candidate.level] > RANK[best.level] ||
      (candidate.level === best.level && candidate.validUntil > best.validUntil)
    ) {
      best = candidate;
    }
  }
  return best;
}

/**
 * Where the freelancer's check stands. `required` is what their accepted contracts waiting
 * for compliance need (the strongest wins); `checks` are all their checks, newest first.
 */
export function complianceState(
  { required, checks }: { required: ComplianceRequirement; checks: readonly CheckSummary[] },
  now: Date,
): ComplianceState {
  const latest = checks[0] ?? null;
  if (latest?.status === 'submitted') {
    return { kind: 'under-review', level: latest.level, submittedAt: latest.submittedAt };
  }
  const approval = currentApproval(checks, now);
  if (approval && isRequirementMet(approval.level, required)) {
    return { kind: 'approved', level: approval.level, validUntil: approval.validUntil };
  }
  if (required === 'none') return { kind: 'not-needed' };
  if (latest?.status === 'rejected' && latest.decidedAt && !canResubmit(latest.decidedAt, now)) {
    return {
      kind: 'rejected',
      reason: latest.rejectionReason ?? '',
      resubmitFrom: earliestResubmission(latest.decidedAt),
    };
  }
  const lastApproved = checks.find((c) => c.status === 'approved' && c.decidedAt);
  return {
    kind: 'to-submit',
    level: required,
    lastRejection: latest?.status === 'rejected' ? latest.rejectionReason : null,
    expiredAt:
      !approval && lastApproved?.decidedAt ? approvalExpiresAt(lastApproved.decidedAt) : null,
    coveredLevel: approval?.level ?? null,
  };
}

/**
 * Dates in plain words: "March 11, 2026, 08:30 UTC" (emails, ops, clients), or in the
 * freelancer's chosen time zone, named, on their own pages.
 */
export function formatComplianceDate(date: Date, timeZone = 'UTC'): string {
  return formatDateAndTime(date, timeZone);
}

/** A reviewer's reason inside a sentence of ours: no doubled full stop. */
export function reasonInSentence(reason: string): string {
  return reason.trim().replace(/[.\s]+$/, '');
}

export const LEVEL_LABELS: Record<ComplianceLevel, string> = {
  questionnaire: 'Questionnaire',
  questionnaire_and_documents: 'Questionnaire and business documents',
};

/** The freelancer's status line, used by the compliance page and the blockers panel. */
export function describeState(state: ComplianceState, timeZone = 'UTC'): string {
  switch (state.kind) {
    case 'under-review':
      return 'Your compliance check is under review. We will email you when it is decided.';
    case 'approved':
      return `Your compliance check is approved until ${formatComplianceDate(state.validUntil, timeZone)}.`;
    case 'rejected':
      return `Your compliance check was rejected: ${reasonInSentence(state.reason)}. You can submit again from ${formatComplianceDate(state.resubmitFrom, timeZone)}.`;
    case 'to-submit':
      return state.level === 'questionnaire_and_documents'
        ? 'Your compliance check is waiting for your answers and business documents.'
        : 'Your compliance check is waiting for your answers.';
    case 'not-needed':
      return 'No compliance check is needed right now.';
  }
}
