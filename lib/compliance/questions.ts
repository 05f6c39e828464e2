import { z } from 'zod';

import { COMPLIANCE_QUESTIONS, type ComplianceQuestion, type QuestionId } from './question-list';

export {
  COMPLIANCE_QUESTIONS,
  type ComplianceQuestion,
  type QuestionId,
  type QuestionOption,
} from './question-list';

function answerSchema(question: ComplianceQuestion) {
  const values = question.options.map((option) => option.value);
  return z.enum(values, { error: question.message });
}

export const questionnaireSchema = z.object(
  Object.fromEntries(COMPLIANCE_QUESTIONS.map((q) => [q.id, answerSchema(q)])) as Record<
    QuestionId,
    ReturnType<typeof answerSchema>
  >,
);

export type QuestionnaireAnswers = z.infer<typeof questionnaireSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** An approval counts for every client for this long. */
export const APPROVAL_VALID_DAYS = 365;

/** After a rejection, the freelancer waits this long before submitting again. */
export const RESUBMIT_AFTER_DAYS = 60;

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function approvalExpiresAt(decidedAt: Date): Date {
  return addDays(decidedAt, APPROVAL_VALID_DAYS);
}

/** Valid up to, not including, the moment it turns one year old. */
export function isApprovalCurrent(decidedAt: Date, now: Date): boolean {
  return now.getTime() < approvalExpiresAt(decidedAt).getTime();
}

export function earliestResubmission(rejectedAt: Date): Date {
  return addDays(rejectedAt, RESUBMIT_AFTER_DAYS);
}

export function canResubmit(rejectedAt: Date, now: Date): boolean {
  return now.getTime() >= earliestResubmission(rejectedAt).getTime();
}
