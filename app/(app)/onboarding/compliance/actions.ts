'use server';

import { redirect } from 'next/navigation';
import type { Db } from '@/db/client';
import { defineAction, type Refusal } from '@/lib/actions/define-action';
import { checkDocuments, uploadsFromForm } from '@/lib/compliance/documents';
import { loadComplianceContext } from '@/lib/compliance/onboarding';
import { COMPLIANCE_QUESTIONS, questionnaireSchema } from '@/lib/compliance/questions';
import { submitCheck } from '@/lib/compliance/service';
import type { FieldErrors } from '@/lib/forms';

const TO_CORRECT = 'Please correct the highlighted questions and files.';

/** The uploads and their problems; documents are only required at the documents level. */
async function readDocuments(db: Db, userId: string, formData: FormData) {
  const uploads = await uploadsFromForm(formData);
  const { state } = await loadComplianceContext(db, userId);
  const check = await checkDocuments(uploads, {
    required: state.kind === 'to-submit' && state.level === 'questionnaire_and_documents',
  });
  const errors: FieldErrors = check.ok ? {} : { documents: check.errors };
  return { uploads, errors, ok: check.ok };
}

/**
 * The questionnaire and its documents, posted as multipart (it works without JavaScript).
 * Every wrong answer and every bad file is reported at once; the service decides again,
 * inside its transaction, whether a submission is allowed and at which level.
 */
export const submitComplianceAction = defineAction({
  actor: 'freelancer',
  schema: questionnaireSchema,
  read: (formData) =>
    Object.fromEntries(COMPLIANCE_QUESTIONS.map((q) => [q.id, formData.get(q.id)])),
  files: ['documents'],
  async onInvalid(fieldErrors, { db, actor, formData }): Promise<Refusal> {
    const documents = await readDocuments(db, actor.userId, formData);
    return { ok: false, message: TO_CORRECT, fieldErrors: { ...fieldErrors, ...documents.errors } };
  },
  async handler(answers, { db, actor, ip, formData }) {
    const documents = await readDocuments(db, actor.userId, formData);
    if (!documents.ok) return { ok: false, message: TO_CORRECT, fieldErrors: documents.errors };
    const result = await submitCheck(db, {
      userId: actor.userId,
      answers,
      documents: documents.uploads,
      ip,
    });
    if (!result.ok) {
      const fieldErrors: FieldErrors =
        result.reason === 'invalid-documents' ? { documents: result.errors } : {};
      return { ok: false, message: result.message, fieldErrors };
    }
    redirect('/onboarding/compliance?notice=submitted');
  },
});
