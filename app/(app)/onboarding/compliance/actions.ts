'use server';

import { redirect } from 'next/navigation';
import { getDatabase } from '@/db';
import { loadViewer } from '@/lib/auth/session';
import { checkDocuments, uploadsFromForm } from '@/lib/compliance/documents';
import { loadComplianceContext } from '@/lib/compliance/onboarding';
import { COMPLIANCE_QUESTIONS, questionnaireSchema } from '@/lib/compliance/questions';
import { submitCheck } from '@/lib/compliance/service';
import {
  NOT_A_FORM,
  isForm,
  collectFieldErrors,
  failure,
  formValues,
  type FieldErrors,
  type FormState,
} from '@/lib/forms';
import { clientIp } from '@/lib/server/request';

const SIGNED_OUT = 'Your session has ended. Please sign in again.';

/**
 * The questionnaire and its documents, posted as multipart (it works without JavaScript).
 * Every wrong answer and every bad file is reported at once; the service decides again,
 * inside its transaction, whether a submission is allowed and at which level.
 */
export async function submitComplianceAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const viewer = await loadViewer();
  if (!viewer?.isFreelancer) return failure(SIGNED_OUT);
  const answers = questionnaireSchema.safeParse(
    Object.fromEntries(COMPLIANCE_QUESTIONS.map((q) => [q.id, formData.get(q.id)])),
  );
  const uploads = await uploadsFromForm(formData);
  const { db } = await getDatabase();
  const { state } = await loadComplianceContext(db, viewer.user.id);
  const documents = await checkDocuments(uploads, {
    required: state.kind === 'to-submit' && state.level === 'questionnaire_and_documents',
  });
  const values = formValues(formData);
  if (!answers.success || !documents.ok) {
    const fieldErrors: FieldErrors = {
      ...(answers.success ? {} : collectFieldErrors(answers.error)),
      ...(documents.ok ? {} : { documents: documents.errors }),
    };
    return {
      ok: false,
      message: 'Please correct the highlighted questions and files.',
      fieldErrors,
      values,
    };
  }
  const result = await submitCheck(db, {
    userId: viewer.user.id,
    answers: answers.data,
    documents: uploads,
    ip: await clientIp(),
  });
  if (!result.ok) {
    const fieldErrors: FieldErrors =
      result.reason === 'invalid-documents' ? { documents: result.errors } : {};
    return { ok: false, message: result.message, fieldErrors, values };
  }
  redirect('/onboarding/compliance?notice=submitted');
}
