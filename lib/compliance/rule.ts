export type ClientType = 'individual' | 'company' | 'enterprise';

export type ContractTerms = { kind: 'hourly'; weeklyLimitHours: number | null } | { kind: 'fixed' };

export const complianceRequirements = [
  'none',
  'questionnaire',
  'questionnaire_and_documents',
] as const;

export type ComplianceRequirement = (typeof complianceRequirements)[number];

/** Hourly contracts allowing this many hours a week or more look like a full-time job. */
export const QUESTIONNAIRE_WEEKLY_HOURS = 30;

/**
 * What a contract needs before it can start. The one place this rule lives: offer form,
 * onboarding, the contract start check and the help center all ask here.
 */
export function complianceRequirement({
  clientType,
  contract,
}: {
  clientType: ClientType;
  contract: ContractTerms;
}): ComplianceRequirement {
  if (clientType === 'enterprise') return 'questionnaire_and_documents';
  if (contract.kind === 'fixed') return 'none';
  const limit = contract.weeklyLimitHours;
  // A limit we cannot read counts as no limit, so a bad value never skips the check.
  if (limit === null || !Number.isFinite(limit)) return 'questionnaire';
  return limit >= QUESTIONNAIRE_WEEKLY_HOURS ? 'questionnaire' : 'none';
}

const SENTENCES: Record<ComplianceRequirement, { client: string; freelancer: string }> = {
  none: {
    client:
      'No compliance check is needed; the contract can start as soon as the freelancer accepts.',
    freelancer: 'No compliance check is needed; the contract can start as soon as you accept.',
  },
  questionnaire: {
    client:
      'The freelancer will answer seven questions about how they work independently; the contract starts after an ops review.',
    freelancer:
      'You will answer seven questions about how you work independently; the contract starts after an ops review.',
  },
  questionnaire_and_documents: {
    client:
      'The freelancer will answer seven questions about how they work independently and upload business documents; the contract starts after an ops review.',
    freelancer:
      'You will answer seven questions about how you work independently and upload business documents; the contract starts after an ops review.',
  },
};

/** One plain sentence: about the freelancer for the client's offer form, or to the freelancer. */
export function describeRequirement(
  requirement: ComplianceRequirement,
  audience: 'client' | 'freelancer' = 'client',
): string {
  return SENTENCES[requirement][audience];
}

/** The levels a check can be submitted and approved at (the pg enum compliance_level). */
export type ComplianceLevel = Exclude<ComplianceRequirement, 'none'>;

const RANK: Record<ComplianceRequirement, number> = {
  none: 0,
  questionnaire: 1,
  questionnaire_and_documents: 2,
};

/** A freelancer with several contracts needs the strictest of their requirements. */
export function strongestRequirement(
  requirements: Iterable<ComplianceRequirement>,
): ComplianceRequirement {
  let strongest: ComplianceRequirement = 'none';
  for (const r of requirements) if (RANK[r] > RANK[strongest]) strongest = r;
  return strongest;
}

/** Whether an approval at `approved` (or none) covers what a contract needs. */
export function isRequirementMet(
  approved: ComplianceLevel | null,
  requirement: ComplianceRequirement,
): boolean {
  if (requirement === 'none') return true;
  return approved !== null && RANK[approved] >= RANK[requirement];
}

/** The terms the rule reads, from a stored contract row. */
export function contractTermsOf(row: {
  kind: 'hourly' | 'fixed';
  weeklyLimitHours: number | null;
}): ContractTerms {
  return row.kind === 'hourly'
    ? { kind: 'hourly', weeklyLimitHours: row.weeklyLimitHours }
    : { kind: 'fixed' };
}
