'use client';

import { useActionState } from 'react';
import { Field, FieldError } from '@/components/field';
import { RadioGroup, SelectField, TextAreaField } from '@/components/form-controls';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { DURATION_LABELS, toOptions } from '@/lib/job-posts/labels';
import { PROPOSAL_LIMITS } from '@/lib/proposals/schemas';
import { submitProposalAction } from './actions';

/** Blank milestone rows offered at first: enough for most bids, more one button away. */
const FIRST_MILESTONE_ROWS = 3;

type Props = {
  jobPostId: string;
  budgetKind: 'hourly' | 'fixed';
  /** The job's budget in words ("$20–$60 an hour"), beside the bid fields. */
  budget: string;
  questions: string[];
};

/** How many milestone rows to draw: the echoed rows, or the button's one more. */
function milestoneRows(values: Record<string, string>): number {
  const filled = Object.keys(values)
    .map((k) => /^milestones\.(\d+)\./.exec(k)?.[1])
    .filter(Boolean)
    .map((i) => Number(i) + 1);
  const wanted = Math.max(FIRST_MILESTONE_ROWS, Number(values.milestoneRows) || 0, ...filled);
  return Math.min(PROPOSAL_LIMITS.milestones, wanted);
}

/**
 * The proposal form: a plain form posted to the action (it works without JavaScript); a
 * refusal comes back with every field error beside its field and the text as typed.
 */
export function ProposalForm({ jobPostId, budgetKind, budget, questions }: Props) {
  const [state, submit] = useActionState(submitProposalAction, null);
  const values: Record<string, string> = (state && !state.ok && state.values) || {};
  const errors = state && !state.ok ? state.fieldErrors : {};
  const rows = milestoneRows(values);
  const shape = values.bidShape || (budgetKind === 'hourly' ? 'hourly' : 'project');
  return (
    <form action={submit} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="jobPostId" value={jobPostId} />
      <TextAreaField
        name="coverLetter"
        label="Cover letter"
        hint="Why you, for this job: what you have done that is like it. Up to 5,000 characters."
        rows={10}
        maxLength={PROPOSAL_LIMITS.coverLetter}
        defaultValue={values.coverLetter}
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
          defaultValue={values[`answers.${i}`]}
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
            defaultValue={values.hourlyRateDollars}
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
            defaultValue={values.bidDollars}
            errors={errors.bidDollars}
          />
          <fieldset aria-describedby={errors.milestones ? 'field-milestones-error' : undefined}>
            <legend>Milestones (if you bid by milestones)</legend>
            <p className="hint">
              Up to {PROPOSAL_LIMITS.milestones} milestones; blank rows are ignored.
            </p>
            <FieldError id="field-milestones-error" errors={errors.milestones} />
            {Array.from({ length: rows }, (_, i) => (
              <div className="milestone" key={i}>
                <Field
                  name={`milestones.${i}.description`}
                  label={`Milestone ${i + 1} description`}
                  maxLength={PROPOSAL_LIMITS.milestoneDescription}
                  defaultValue={values[`milestones.${i}.description`]}
                  errors={errors[`milestones.${i}.description`]}
                />
                <Field
                  name={`milestones.${i}.amountDollars`}
                  label={`Milestone ${i + 1} amount (USD)`}
                  inputMode="decimal"
                  defaultValue={values[`milestones.${i}.amountDollars`]}
                  errors={errors[`milestones.${i}.amountDollars`]}
                />
              </div>
            ))}
            <input type="hidden" name="milestoneRows" value={rows} />
            {rows < PROPOSAL_LIMITS.milestones && (
              <button type="submit" name="intent" value="add-milestone" className="secondary">
                Add another milestone
              </button>
            )}
          </fieldset>
        </>
      )}
      <SelectField
        name="estimatedDuration"
        label="How long you expect the work to take"
        placeholder="Choose…"
        options={toOptions(DURATION_LABELS)}
        defaultValue={values.estimatedDuration ?? ''}
        errors={errors.estimatedDuration}
      />
      <SubmitButton pendingLabel="Sending…">Send the proposal</SubmitButton>
    </form>
  );
}
