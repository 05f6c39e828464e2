'use client';

import { useState, type FormEvent } from 'react';
import { Field, FieldError } from '@/components/field';
import { RadioGroup, SelectField, TextAreaField } from '@/components/form-controls';
import { FormMessage } from '@/components/form-message';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENTS } from '@/lib/files/attachment-limits';
import type { FormState } from '@/lib/forms';
import { DURATION_LABELS, toOptions } from '@/lib/job-posts/labels';
import { PROPOSAL_LIMITS } from '@/lib/proposals/schemas';

/** Milestone rows shown at first; the others wait, folded, below them (no round trip). */
const FIRST_MILESTONE_ROWS = 3;

type Props = {
  jobPostId: string;
  budgetKind: 'hourly' | 'fixed';
  /** The job's budget in words ("$20–$60 an hour"), beside the bid fields. */
  budget: string;
  questions: string[];
  /**
   * A refusal read from the page's query, after a post without JavaScript, with the text
   * typed then (`values`, from the freelancer's draft) when the page had it.
   */
  refused: FormState;
};

/**
 * The proposal form, posted with its files to a route handler (multipart; files are far
 * above the server-action limit). Without JavaScript the route answers 303 and the page shows
 * the refusal beside each field and the text typed (the fields' defaults); with it, the form
 * posts itself and shows the route's JSON answer, the text as typed left in place.
 */
export function ProposalForm({ jobPostId, budgetKind, budget, questions, refused }: Props) {
  const [state, setState] = useState<FormState>(refused);
  const [sending, setSending] = useState(false);
  const errors = state && !state.ok ? state.fieldErrors : {};
  // Defaults only: after the first render the fields hold what is typed in them.
  const typed = (refused && !refused.ok && refused.values) || {};
  const shape =
    budgetKind === 'hourly' ? 'hourly' : typed.bidShape === 'milestones' ? 'milestones' : 'project';
  const isLaterRow = (k: string) =>
    Number(/^milestones\.(\d+)\./.exec(k)?.[1]) >= FIRST_MILESTONE_ROWS;
  const laterRowsWanted =
    Object.keys(errors).some(isLaterRow) ||
    Object.entries(typed).some(([k, v]) => isLaterRow(k) && v.trim() !== '');
  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setSending(true);
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        headers: { accept: 'application/json' },
      });
      const answer = (await response.json()) as FormState & { location?: string };
      if (answer?.ok && answer.location) return window.location.assign(answer.location);
      setState(answer);
    } catch {
      setState({
        ok: false,
        message: 'We could not send the proposal. Try again.',
        fieldErrors: {},
      });
    }
    setSending(false);
  };
  const milestoneRow = (i: number) => (
    <div className="milestone" key={i}>
      <Field
        name={`milestones.${i}.description`}
        label={`Milestone ${i + 1} description`}
        maxLength={PROPOSAL_LIMITS.milestoneDescription}
        defaultValue={typed[`milestones.${i}.description`]}
        errors={errors[`milestones.${i}.description`]}
      />
      <Field
        name={`milestones.${i}.amountDollars`}
        label={`Milestone ${i + 1} amount (USD)`}
        inputMode="decimal"
        defaultValue={typed[`milestones.${i}.amountDollars`]}
        errors={errors[`milestones.${i}.amountDollars`]}
      />
    </div>
  );
  const rows = Array.from({ length: PROPOSAL_LIMITS.milestones }, (_, i) => i);
  return (
    <form
      action={`/jobs/${jobPostId}/propose/send`}
      method="post"
      encType="multipart/form-data"
      onSubmit={send}
      noValidate
    >
      <FormMessage state={state} />
      <TextAreaField
        name="coverLetter"
        label="Cover letter"
        hint="Why you, for this job: what you have done that is like it. Up to 5,000 characters."
        rows={10}
        maxLength={PROPOSAL_LIMITS.coverLetter}
        defaultValue={typed.coverLetter}
        errors={errors.coverLetter}
      />
      {questions.map((question, i) => (
        <TextAreaField
          key={i}
          name={`answers.${i}`}
          label={question}
          hint="The client asks this of everyone who proposes."
          rows={3}
          maxLength={PROPOSAL_LIMITS.answer}
          defaultValue={typed[`answers.${i}`]}
          errors={errors[`answers.${i}`]}
        />
      ))}
      {budgetKind === 'hourly' ? (
        <>
          <input type="hidden" name="bidShape" value="hourly" />
          <FieldError id="field-bidShape-error" errors={errors.bidShape} />
          <Field
            name="hourlyRateDollars"
            label="Your hourly rate (USD)"
            hint={`The client's budget: ${budget}.`}
            inputMode="decimal"
            defaultValue={typed.hourlyRateDollars}
            errors={errors.hourlyRateDollars}
          />
        </>
      ) : (
        <>
          <RadioGroup
            name="bidShape"
            legend={`Your bid (the client's budget: ${budget})`}
            value={shape}
            errors={errors.bidShape}
            options={[
              { value: 'project', label: 'For the whole project' },
              { value: 'milestones', label: 'By milestones', hint: 'The bid is their total.' },
            ]}
          />
          <Field
            name="bidDollars"
            label="Bid for the whole project (USD)"
            hint="If you bid for the whole project."
            inputMode="decimal"
            defaultValue={typed.bidDollars}
            errors={errors.bidDollars}
          />
          <fieldset aria-describedby={errors.milestones ? 'field-milestones-error' : undefined}>
            <legend>Milestones (if you bid by milestones)</legend>
            <p className="hint">
              Up to {PROPOSAL_LIMITS.milestones} milestones; blank rows are ignored.
            </p>
            <FieldError id="field-milestones-error" errors={errors.milestones} />
            {rows.slice(0, FIRST_MILESTONE_ROWS).map(milestoneRow)}
            <details open={laterRowsWanted}>
              <summary>More milestones (up to {PROPOSAL_LIMITS.milestones} in all)</summary>
              {rows.slice(FIRST_MILESTONE_ROWS).map(milestoneRow)}
            </details>
          </fieldset>
        </>
      )}
      <SelectField
        name="estimatedDuration"
        label="How long you expect the work to take"
        placeholder="Choose…"
        options={toOptions(DURATION_LABELS)}
        defaultValue={typed.estimatedDuration ?? ''}
        errors={errors.estimatedDuration}
      />
      <Field
        name="files"
        type="file"
        label="Attachments (optional)"
        hint={`PDF, PNG, JPEG or ZIP, up to 25 MB each, ${MAX_ATTACHMENTS} at most. Only the client and ops can open them.`}
        accept={ATTACHMENT_ACCEPT}
        multiple
        errors={errors.files}
      />
      <button type="submit" disabled={sending} aria-disabled={sending}>
        {sending ? 'Sending…' : 'Send the proposal'}
      </button>
    </form>
  );
}
