import { clientComplianceLine } from './client-status';
import { buildComplianceContext, complianceBlockers, complianceSteps } from './onboarding';
import { offerComplianceNote } from './offer-note';
import type { ContractNeed } from './queries';
import {
  describeRequirement,
  isRequirementMet,
  strongestRequirement,
  type ComplianceRequirement,
} from './rule';
import {
  complianceState,
  currentApproval,
  describeState,
  formatComplianceDate,
  type CheckSummary,
} from './state';

const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date('2026-05-01T10:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

function check(overrides: Partial<CheckSummary>): CheckSummary {
  return {
    id: `check-${Math.random()}`,
    level: 'questionnaire_and_documents',
    status: 'submitted',
    submittedAt: daysAgo(3),
    decidedAt: null,
    rejectionReason: null,
    ...overrides,
  };
}
const approved = (days: number, level: CheckSummary['level'] = 'questionnaire_and_documents') =>
  check({ status: 'approved', level, decidedAt: daysAgo(days), submittedAt: daysAgo(days + 1) });
const rejected = (days: number, reason = 'The registration is unreadable.') =>
  check({
    status: 'rejected',
    decidedAt: daysAgo(days),
    submittedAt: daysAgo(days + 1),
    rejectionReason: reason,
  });

function contract(
  status: ContractNeed['status'],
  requirement: ComplianceRequirement,
  title = 'Website redesign',
): ContractNeed {
  return {
    id: `c-${title}-${status}`,
    inviteId: 'i',
    title,
    status,
    workspaceId: 'w',
    workspaceName: 'Acme',
    requirement,
  };
}

describe('levels', () => {
  it('takes the strictest requirement of several contracts', () => {
    expect(strongestRequirement([])).toBe('none');
    expect(strongestRequirement(['none', 'questionnaire'])).toBe('questionnaire');
    expect(strongestRequirement(['questionnaire_and_documents', 'questionnaire', 'none'])).toBe(
      'questionnaire_and_documents',
    );
  });

  it.each([
    [null, 'none', true],
    [null, 'questionnaire', false],
    ['questionnaire', 'questionnaire', true],
    ['questionnaire', 'questionnaire_and_documents', false],
    ['questionnaire_and_documents', 'questionnaire', true],
    ['questionnaire_and_documents', 'questionnaire_and_documents', true],
  ] as const)('an approval at %s covers %s: %s', (level, requirement, expected) => {
    expect(isRequirementMet(level, requirement)).toBe(expected);
  });
});

describe('complianceState', () => {
  it('is under review while a submission waits, whatever else is true', () => {
    const checks = [check({ status: 'submitted' }), approved(10)];
    expect(complianceState({ required: 'questionnaire_and_documents', checks }, now).kind).toBe(
      'under-review',
    );
  });

  it('is approved, until a year after the decision, when the approval covers the need', () => {
    const state = complianceState({ required: 'questionnaire', checks: [approved(30)] }, now);
    expect(state).toEqual({
      kind: 'approved',
      level: 'questionnaire_and_documents',
      validUntil: new Date(daysAgo(30).getTime() + 365 * DAY_MS),
    });
  });

  it('makes the check due again once the approval is a year old', () => {
    const state = complianceState({ required: 'questionnaire', checks: [approved(366)] }, now);
    expect(state).toMatchObject({
      kind: 'to-submit',
      level: 'questionnaire',
      expiredAt: new Date(daysAgo(1).getTime()),
    });
  });

  it('asks for documents when the current approval covers the questionnaire only', () => {
    const state = complianceState(
      { required: 'questionnaire_and_documents', checks: [approved(5, 'questionnaire')] },
      now,
    );
    expect(state).toMatchObject({
      kind: 'to-submit',
      level: 'questionnaire_and_documents',
      coveredLevel: 'questionnaire',
    });
  });

  it('waits 60 days after a rejection, then asks again with the old reason', () => {
    const waiting = complianceState({ required: 'questionnaire', checks: [rejected(10)] }, now);
    expect(waiting).toEqual({
      kind: 'rejected',
      reason: 'The registration is unreadable.',
      resubmitFrom: new Date(daysAgo(10).getTime() + 60 * DAY_MS),
    });
    const open = complianceState({ required: 'questionnaire', checks: [rejected(60)] }, now);
    expect(open).toMatchObject({
      kind: 'to-submit',
      lastRejection: 'The registration is unreadable.',
    });
  });

  it('needs nothing when no accepted contract waits for compliance', () => {
    expect(complianceState({ required: 'none', checks: [] }, now)).toEqual({ kind: 'not-needed' });
    expect(complianceState({ required: 'none', checks: [rejected(1)] }, now)).toEqual({
      kind: 'not-needed',
    });
  });

  it('picks the strongest current approval, then the longest lasting', () => {
    const strong = approved(200);
    expect(currentApproval([approved(1, 'questionnaire'), strong], now)?.checkId).toBe(strong.id);
    const newer = approved(2);
    expect(currentApproval([approved(100), newer], now)?.checkId).toBe(newer.id);
    expect(currentApproval([approved(365)], now)).toBeNull();
  });
});

describe('describeState', () => {
  it('words the rejection with the reason and the date it opens again', () => {
    expect(
      describeState({
        kind: 'rejected',
        reason: 'Blurry scan.',
        resubmitFrom: new Date('2026-06-30T08:05:00Z'),
      }),
    ).toBe(
      'Your compliance check was rejected: Blurry scan. You can submit again from June 30, 2026, 08:05 UTC.',
    );
    expect(formatComplianceDate(new Date('2027-01-02T23:59:00Z'))).toBe(
      'January 2, 2027, 23:59 UTC',
    );
  });
});

describe('complianceSteps and complianceBlockers', () => {
  const ctx = (contracts: ContractNeed[], checks: CheckSummary[]) =>
    buildComplianceContext(contracts, checks, now);

  it('has no step and no blocker when no contract needs a check', () => {
    const c = ctx([contract('active', 'none'), contract('offered', 'none', 'Logo')], []);
    expect(complianceSteps(c)).toEqual([]);
    expect(complianceBlockers(c)).toEqual([]);
  });

  it('shows an open step and a blocker per waiting contract before submission', () => {
    const c = ctx([contract('awaiting_compliance', 'questionnaire_and_documents')], []);
    expect(complianceSteps(c)).toEqual([
      { key: 'compliance', label: 'Compliance check', href: '/onboarding/compliance', done: false },
    ]);
    expect(complianceBlockers(c).map((b) => b.text)).toEqual([
      'Your compliance check is waiting for your answers and business documents.',
      'The contract “Website redesign” starts after the compliance check.',
    ]);
  });

  it('says the check is under review, since when, and that there is nothing to fix', () => {
    const c = ctx([contract('awaiting_compliance', 'questionnaire')], [check({})]);
    const sent = formatComplianceDate(daysAgo(3));
    expect(complianceBlockers(c)).toEqual([
      {
        key: 'compliance-review',
        text: 'Your compliance check is under review.',
        status: `Nothing for you to do: you sent it on ${sent}, and we will email you the decision.`,
      },
      {
        key: 'compliance-contract-c-Website redesign-awaiting_compliance',
        text: 'The contract “Website redesign” starts after the compliance check.',
        status: 'It starts once the check is approved.',
      },
    ]);
    expect(complianceSteps(c)[0]).toMatchObject({
      done: false,
      waitingFor: `our review of what you sent on ${sent}`,
    });
  });

  it('links to the form only while the check is the freelancer’s to send', () => {
    const c = ctx([contract('awaiting_compliance', 'questionnaire')], []);
    expect(
      complianceBlockers(c).every((b) => 'href' in b && b.href === '/onboarding/compliance'),
    ).toBe(true);
    expect(complianceSteps(c)[0].waitingFor).toBeUndefined();
  });

  it('gives the reason and the date after a rejection', () => {
    const c = ctx(
      [contract('awaiting_compliance', 'questionnaire')],
      [rejected(10, 'Missing registration')],
    );
    const resubmitFrom = formatComplianceDate(new Date(daysAgo(10).getTime() + 60 * DAY_MS));
    expect(complianceBlockers(c)[0]).toEqual({
      key: 'compliance-rejected',
      text: `Your compliance check was rejected: Missing registration. You can submit again from ${resubmitFrom}.`,
      status: 'Nothing for you to do until then.',
    });
    expect(complianceSteps(c)[0].waitingFor).toBe(`${resubmitFrom}, when you can submit again`);
  });

  it('keeps a done step, and no blocker, once approved and the contracts are active', () => {
    const c = ctx([contract('active', 'questionnaire_and_documents')], [approved(3)]);
    expect(complianceSteps(c)).toEqual([
      expect.objectContaining({ key: 'compliance', done: true }),
    ]);
    expect(complianceBlockers(c)).toEqual([]);
  });

  it('reopens the step when a new offer needs more than the approval covers', () => {
    const c = ctx(
      [
        contract('active', 'questionnaire'),
        contract('offered', 'questionnaire_and_documents', 'Audit'),
      ],
      [approved(3, 'questionnaire')],
    );
    expect(complianceSteps(c)[0].done).toBe(false);
  });
});

describe('clientComplianceLine', () => {
  it('shows the status only, never the rejection reason', () => {
    const line = clientComplianceLine({
      contractStatus: 'awaiting_compliance',
      requirement: 'questionnaire',
      freelancerState: {
        kind: 'rejected',
        reason: 'Secret reason',
        resubmitFrom: new Date('2026-06-30T08:05:00Z'),
      },
    });
    expect(line).toBe(
      'Not approved; the freelancer can submit again from June 30, 2026, 08:05 UTC. The contract starts after the compliance check is approved.',
    );
    expect(line).not.toContain('Secret');
  });

  it.each([
    [
      'offered',
      'questionnaire_and_documents',
      null,
      'Needed once the freelancer accepts: a questionnaire and business documents, reviewed by Workbridge.',
    ],
    ['active', 'questionnaire', null, 'Approved; the contract is active.'],
    ['active', 'none', null, 'Not needed for this contract.'],
    ['declined', 'questionnaire', null, 'Not needed: the offer is no longer open.'],
    [
      'awaiting_compliance',
      'questionnaire',
      { kind: 'under-review', level: 'questionnaire', submittedAt: now },
      'Under review by Workbridge; the contract starts when it is approved.',
    ],
    [
      'awaiting_compliance',
      'questionnaire',
      {
        kind: 'to-submit',
        level: 'questionnaire',
        lastRejection: null,
        expiredAt: null,
        coveredLevel: null,
      },
      'Waiting for the freelancer to submit it; the contract starts after the compliance check.',
    ],
  ] as const)(
    '%s contract needing %s',
    (contractStatus, requirement, freelancerState, expected) => {
      expect(clientComplianceLine({ contractStatus, requirement, freelancerState })).toBe(expected);
    },
  );
});

describe('offerComplianceNote', () => {
  it('follows the offer as the client types', () => {
    expect(offerComplianceNote('company', { kind: 'hourly', weeklyLimit: '20' }).requirement).toBe(
      'none',
    );
    expect(offerComplianceNote('company', { kind: 'hourly', weeklyLimit: '30' }).requirement).toBe(
      'questionnaire',
    );
    expect(offerComplianceNote('company', { kind: 'hourly', weeklyLimit: '' }).requirement).toBe(
      'questionnaire',
    );
    expect(offerComplianceNote('company', { kind: 'hourly', weeklyLimit: '2x' }).requirement).toBe(
      'questionnaire',
    );
    expect(offerComplianceNote('individual', { kind: 'fixed' }).requirement).toBe('none');
    expect(offerComplianceNote('enterprise', { kind: 'fixed' })).toEqual({
      requirement: 'questionnaire_and_documents',
      text: describeRequirement('questionnaire_and_documents'),
    });
  });

  it('describes the rule for the client type before anything is typed', () => {
    expect(offerComplianceNote('enterprise').requirement).toBe('questionnaire_and_documents');
    expect(offerComplianceNote('company')).toMatchObject({
      requirement: null,
      text: expect.stringContaining('30 hours'),
    });
  });
});
