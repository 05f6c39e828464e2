import { COMPLIANCE_QUESTIONS } from './questions';
import {
  complianceRequirement,
  complianceRequirements,
  type ClientType,
  type ComplianceRequirement,
  type ContractTerms,
  describeRequirement,
} from './rule';

const hourly = (weeklyLimitHours: number | null): ContractTerms => ({
  kind: 'hourly',
  weeklyLimitHours,
});
const fixed: ContractTerms = { kind: 'fixed' };

describe('complianceRequirement', () => {
  it.each<[ClientType, ContractTerms, ComplianceRequirement]>([
    ['enterprise', fixed, 'questionnaire_and_documents'],
    ['enterprise', hourly(5), 'questionnaire_and_documents'],
    ['enterprise', hourly(40), 'questionnaire_and_documents'],
    ['enterprise', hourly(null), 'questionnaire_and_documents'],
    ['company', hourly(null), 'questionnaire'],
    ['company', hourly(30), 'questionnaire'],
    ['company', hourly(45), 'questionnaire'],
    ['company', hourly(29.5), 'none'],
    ['company', hourly(29), 'none'],
    ['company', hourly(10), 'none'],
    ['company', fixed, 'none'],
    ['individual', hourly(null), 'questionnaire'],
    ['individual', hourly(30), 'questionnaire'],
    ['individual', hourly(20), 'none'],
    ['individual', fixed, 'none'],
    ['individual', hourly(Number.NaN), 'questionnaire'],
    ['company', hourly(Number.POSITIVE_INFINITY), 'questionnaire'],
  ])('%s client, %j → %s', (clientType, contract, expected) => {
    expect(complianceRequirement({ clientType, contract })).toBe(expected);
  });
});

describe('describeRequirement', () => {
  it('tells the client what the freelancer will do, in one sentence each', () => {
    expect(describeRequirement('none')).toBe(
      'No compliance check is needed; the contract can start as soon as the freelancer accepts.',
    );
    expect(describeRequirement('questionnaire')).toBe(
      'The freelancer will answer seven questions about how they work independently; the contract starts after an ops review.',
    );
    expect(describeRequirement('questionnaire_and_documents')).toBe(
      'The freelancer will answer seven questions about how they work independently and upload business documents; the contract starts after an ops review.',
    );
  });

  it('speaks to the freelancer directly when asked', () => {
    expect(describeRequirement('questionnaire_and_documents', 'freelancer')).toBe(
      'You will answer seven questions about how you work independently and upload business documents; the contract starts after an ops review.',
    );
    for (const requirement of complianceRequirements) {
      expect(describeRequirement(requirement, 'freelancer')).not.toMatch(/the freelancer/i);
    }
  });

  it('mentions documents only when documents are needed', () => {
    expect(describeRequirement('questionnaire')).not.toMatch(/document/);
    expect(describeRequirement('questionnaire_and_documents')).toMatch(/documents/);
  });

  it('counts the questions that actually exist', () => {
    expect(COMPLIANCE_QUESTIONS).toHaveLength(7);
    expect(describeRequirement('questionnaire')).toContain('seven questions');
  });
});
