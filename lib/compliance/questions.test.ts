import { collectFieldErrors } from '@/lib/forms';

import {
  APPROVAL_VALID_DAYS,
  approvalExpiresAt,
  canResubmit,
  COMPLIANCE_QUESTIONS,
  earliestResubmission,
  isApprovalCurrent,
  questionnaireSchema,
  RESUBMIT_AFTER_DAYS,
} from './questions';

const DAY_MS = 24 * 60 * 60 * 1000;
const at = (iso: string) => new Date(iso);
const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

const firstAnswers = Object.fromEntries(
  COMPLIANCE_QUESTIONS.map((q) => [q.id, q.options[0].value]),
);

describe('COMPLIANCE_QUESTIONS', () => {
  it('asks the seven independence questions, each once', () => {
    expect(COMPLIANCE_QUESTIONS.map((q) => q.id)).toEqual([
      'ownTools',
      'otherClients',
      'control',
      'registeredBusiness',
      'deliverables',
      'invoicing',
      'engagementLength',
    ]);
  });

  it('gives every question an explanation, a message and at least two distinct options', () => {
    for (const q of COMPLIANCE_QUESTIONS) {
      expect(q.question).toMatch(/\?$/);
      expect(q.explanation.length).toBeGreaterThan(20);
      expect(q.message).toMatch(/\.$/);
      expect(q.options.length).toBeGreaterThanOrEqual(2);
      expect(new Set(q.options.map((o) => o.value)).size).toBe(q.options.length);
      expect(new Set(q.options.map((o) => o.label)).size).toBe(q.options.length);
    }
  });
});

describe('questionnaireSchema', () => {
  it('accepts one listed answer per question and drops anything else', () => {
    const answers = questionnaireSchema.parse({ ...firstAnswers, extra: 'ignored' });
    expect(answers).toEqual(firstAnswers);
  });

  it('accepts every listed option', () => {
    for (const q of COMPLIANCE_QUESTIONS) {
      for (const option of q.options) {
        const result = questionnaireSchema.safeParse({ ...firstAnswers, [q.id]: option.value });
        expect(result.success).toBe(true);
      }
    }
  });

  it('names each unanswered question with its own message', () => {
    const result = questionnaireSchema.safeParse(
      Object.fromEntries(COMPLIANCE_QUESTIONS.map((q) => [q.id, null])),
    );
    expect(result.success).toBe(false);
    expect(result.error && collectFieldErrors(result.error)).toEqual(
      Object.fromEntries(COMPLIANCE_QUESTIONS.map((q) => [q.id, [q.message]])),
    );
  });

  it('rejects an answer that belongs to another question or to none', () => {
    const result = questionnaireSchema.safeParse({
      ...firstAnswers,
      ownTools: 'yes',
      engagementLength: 'forever',
    });
    expect(result.success).toBe(false);
    expect(result.error && collectFieldErrors(result.error)).toEqual({
      ownTools: ['Tell us whose equipment and software you use.'],
      engagementLength: ['Tell us how long you expect the engagement to last.'],
    });
  });
});

describe('approval validity', () => {
  const decidedAt = at('2025-03-01T12:00:00Z');

  it('lasts 365 days', () => {
    expect(APPROVAL_VALID_DAYS).toBe(365);
    expect(approvalExpiresAt(decidedAt)).toEqual(at('2026-03-01T12:00:00Z'));
  });

  it.each([
    ['the moment it was decided', 0, true],
    ['a month later', 30 * DAY_MS, true],
    ['one millisecond before a year', 365 * DAY_MS - 1, true],
    ['exactly a year later', 365 * DAY_MS, false],
    ['two years later', 730 * DAY_MS, false],
  ])('is %s: current = %s', (_label, elapsed, expected) => {
    expect(isApprovalCurrent(decidedAt, plus(decidedAt, elapsed))).toBe(expected);
  });

  it('is not current when the decision date is unreadable', () => {
    expect(isApprovalCurrent(new Date('nope'), decidedAt)).toBe(false);
  });
});

describe('resubmission after a rejection', () => {
  const rejectedAt = at('2025-01-10T08:30:00Z');

  it('opens 60 days after the rejection', () => {
    expect(RESUBMIT_AFTER_DAYS).toBe(60);
    expect(earliestResubmission(rejectedAt)).toEqual(at('2025-03-11T08:30:00Z'));
  });

  it.each([
    ['the same day', 0, false],
    ['59 days later', 59 * DAY_MS, false],
    ['one millisecond before 60 days', 60 * DAY_MS - 1, false],
    ['exactly 60 days later', 60 * DAY_MS, true],
    ['a year later', 365 * DAY_MS, true],
  ])('%s: allowed = %s', (_label, elapsed, expected) => {
    expect(canResubmit(rejectedAt, plus(rejectedAt, elapsed))).toBe(expected);
  });

  it('stays closed when the rejection date is unreadable', () => {
    expect(canResubmit(new Date('nope'), rejectedAt)).toBe(false);
  });
});
