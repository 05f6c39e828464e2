'use client';

import { useActionState } from 'react';
import { FieldError } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { DOCUMENT_ACCEPT, MAX_DOCUMENTS } from '@/lib/compliance/limits';
import { COMPLIANCE_QUESTIONS } from '@/lib/compliance/question-list';
import { submitComplianceAction } from './actions';

/** The seven questions, each with its plain-words explanation, and the documents when needed. */
export function ComplianceForm({ needsDocuments }: { needsDocuments: boolean }) {
  const [state, action] = useActionState(submitComplianceAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <form action={action} noValidate className="card compliance-form">
      <FormMessage state={state} />
      {COMPLIANCE_QUESTIONS.map((q, index) => {
        const describedBy = [`${q.id}-explanation`, errors[q.id] ? `${q.id}-error` : '']
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
                  defaultChecked={values[q.id] === o.value}
                />
                <label htmlFor={`${q.id}-${o.value}`}>{o.label}</label>
              </div>
            ))}
            <FieldError id={`${q.id}-error`} errors={errors[q.id]} />
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
              errors.documents ? 'documents-hint documents-error' : 'documents-hint'
            }
            aria-invalid={errors.documents ? true : undefined}
          />
          {errors.documents ? (
            <p id="documents-error" className="field-error">
              {errors.documents.join(' ')} Choose the files again.
            </p>
          ) : (
            state &&
            !state.ok && (
              <p className="hint">
                Browsers do not keep chosen files when a form comes back: choose them again.
              </p>
            )
          )}
        </div>
      )}
      <SubmitButton pendingLabel="Submitting…">Submit for review</SubmitButton>
    </form>
  );
}
