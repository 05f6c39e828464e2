import { FieldError } from '@/components/field';
import { DOCUMENT_ACCEPT, MAX_DOCUMENTS } from '@/lib/compliance/limits';
import { COMPLIANCE_QUESTIONS } from '@/lib/compliance/question-list';
import { DOCUMENT_PROBLEM_MESSAGES, type SubmissionProblems } from './submission';

/**
 * The seven questions, each with its plain-words explanation, and the documents when needed.
 * A plain multipart form posting to ./submit (a route handler: documents are far larger than
 * a server action may take); what went wrong comes back in the page's query.
 */
export function ComplianceForm({
  needsDocuments,
  problems,
}: {
  needsDocuments: boolean;
  problems: SubmissionProblems | null;
}) {
  const missing = new Set(problems?.questions ?? []);
  const answers = problems?.answers ?? {};
  const documentsMessage = problems?.documents
    ? [
        DOCUMENT_PROBLEM_MESSAGES[problems.documents],
        problems.files.length ? `Files we could not use: ${problems.files.join(', ')}.` : '',
        'Choose the files again.',
      ]
        .filter(Boolean)
        .join(' ')
    : null;
  return (
    <form
      method="post"
      action="/onboarding/compliance/submit"
      encType="multipart/form-data"
      noValidate
      className="card compliance-form"
    >
      <div role="status" aria-live="polite">
        {problems && (missing.size > 0 || documentsMessage) && (
          <p className="notice error">Please correct the highlighted questions and files.</p>
        )}
      </div>
      {COMPLIANCE_QUESTIONS.map((q, index) => {
        const error = missing.has(q.id) ? [q.message] : undefined;
        const describedBy = [`${q.id}-explanation`, error ? `${q.id}-error` : '']
          .filter(Boolean)
          .join(' ');
        return (
          <fieldset key={q.id} aria-describedby={describedBy}>
            <legend>
              <span className="muted">{index + 1}. </span>
              {q.question}
            </legend>
            <p id={`${q.id}-explanation`} className="hint">
              {q.explanation}
            </p>
            {q.options.map((o) => (
              <div className="choice" key={o.value}>
                <input
                  type="radio"
                  id={`${q.id}-${o.value}`}
                  name={q.id}
                  value={o.value}
                  defaultChecked={answers[q.id] === o.value}
                />
                <label htmlFor={`${q.id}-${o.value}`}>{o.label}</label>
              </div>
            ))}
            <FieldError id={`${q.id}-error`} errors={error} />
          </fieldset>
        );
      })}
      {needsDocuments && (
        <div className="field">
          <label htmlFor="documents">Business documents</label>
          <p id="documents-hint" className="hint">
            Documents that show you run your own business: a business or tax registration, or a
            recent invoice to another client. PDF, PNG or JPEG, up to 10 MB each, at most{' '}
            {MAX_DOCUMENTS} files. Only you and our reviewers can open them; your client sees only
            whether the check is approved.
          </p>
          <input
            type="file"
            id="documents"
            name="documents"
            multiple
            accept={DOCUMENT_ACCEPT}
            aria-describedby={
              documentsMessage ? 'documents-hint documents-error' : 'documents-hint'
            }
            aria-invalid={documentsMessage ? true : undefined}
          />
          {documentsMessage ? (
            <p id="documents-error" className="field-error">
              {documentsMessage}
            </p>
          ) : (
            problems && (
              <p className="hint">
                Browsers do not keep chosen files when a form comes back: choose them again.
              </p>
            )
          )}
        </div>
      )}
      <button type="submit">Submit for review</button>
    </form>
  );
}
