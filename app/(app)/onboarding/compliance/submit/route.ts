import { getDatabase } from '@/db';
import { loadActorOf } from '@/lib/actions/actor';
import { checkSameOrigin } from '@/lib/actions/origin';
import { checkDocuments, uploadsFromForm } from '@/lib/compliance/documents';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENTS } from '@/lib/compliance/limits';
import { loadComplianceContext } from '@/lib/compliance/onboarding';
import { COMPLIANCE_QUESTIONS, questionnaireSchema } from '@/lib/compliance/questions';
import { submitCheck } from '@/lib/compliance/service';
import { toSafeFileName } from '@/lib/files/sniff';
import { seeOther } from '@/lib/security/same-origin';
import { readFormBody } from '@/lib/server/form-body';
import { problemsQuery, type SubmissionProblems } from '../submission';

// Every document at its limit, plus the answers and the multipart framing.
const MAX_BODY_BYTES = MAX_DOCUMENTS * MAX_DOCUMENT_BYTES + 256 * 1024;

const PAGE = '/onboarding/compliance';
const NONE: SubmissionProblems = { questions: [], answers: {}, files: [], closed: false };
const back = (problems: Partial<SubmissionProblems>) =>
  seeOther(`${PAGE}?${problemsQuery({ ...NONE, ...problems })}`);

/**
 * The questionnaire and its documents (multipart; the same with or without JavaScript).
 * The origin and the session are checked before a byte of the body is read, and the body
 * is read with a cap; the service decides again, in its transaction, whether a submission
 * is allowed and at which level.
 */
export async function POST(request: Request) {
  const crossSite = checkSameOrigin(request);
  if (crossSite) return crossSite;
  const actor = await loadActorOf('freelancer');
  if (!actor) return seeOther('/sign-in');
  const body = await readFormBody(request, MAX_BODY_BYTES);
  if (!body.ok) return back({ documents: body.problem === 'too-large' ? 'too-large' : 'missing' });
  const form = body.form;
  const given = Object.fromEntries(COMPLIANCE_QUESTIONS.map((q) => [q.id, form.get(q.id)]));
  const answers = questionnaireSchema.safeParse(given);
  const echoed = Object.fromEntries(
    Object.entries(given).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
  const uploads = await uploadsFromForm(form);
  const { db } = await getDatabase();
  const { state } = await loadComplianceContext(db, actor.userId);
  if (state.kind !== 'to-submit') return back({ closed: true });
  const documents = await checkDocuments(uploads, {
    required: state.level === 'questionnaire_and_documents',
  });
  if (!answers.success || !documents.ok) {
    const invalidQuestions = answers.success
      ? []
      : answers.error.issues.map((i) => String(i.path[0]));
    return back({
      questions: [...new Set(invalidQuestions)],
      answers: echoed,
      ...(documents.ok ? {} : await documentProblem(uploads)),
    });
  }
  const result = await submitCheck(db, {
    userId: actor.userId,
    answers: answers.data,
    documents: uploads,
    ip: actor.ip,
  });
  if (!result.ok) {
    return result.reason === 'invalid-documents'
      ? back({ answers: echoed, ...(await documentProblem(uploads)) })
      : back({ closed: true });
  }
  return seeOther(`${PAGE}?notice=submitted`);
}

async function documentProblem(
  uploads: Awaited<ReturnType<typeof uploadsFromForm>>,
): Promise<Pick<SubmissionProblems, 'documents' | 'files'>> {
  if (uploads.length === 0) return { documents: 'missing', files: [] };
  if (uploads.length > MAX_DOCUMENTS) return { documents: 'too-many', files: [] };
  const checks = await Promise.all(uploads.map((u) => checkDocuments([u], { required: true })));
  const rejected = uploads.filter((_, i) => !checks[i].ok);
  return { documents: 'invalid', files: rejected.map((u) => toSafeFileName(u.fileName)) };
}
