'use client';

import { useActionState } from 'react';
import { Field } from '@/components/field';
import { FormMessage } from '@/components/form-message';
import { RadioGroup, SelectField, TextAreaField } from '@/components/form-controls';
import { SubmitButton } from '@/components/submit-button';
import type { ActionState } from '@/lib/actions/define-action';
import {
  DURATION_LABELS,
  EXPERIENCE_LABELS,
  toOptions,
  WORKLOAD_LABELS,
} from '@/lib/job-posts/labels';

const QUESTION_ROWS = 5;

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** The stored post as form values (edit), else empty (new). */
  initial: Record<string, string>;
  mode: 'new' | 'edit';
  jobPostId?: string;
};

/** The job post form: plain fields that post without JavaScript; errors beside each one. */
export function JobPostForm({ action, initial, mode, jobPostId }: Props) {
  const [state, formAction] = useActionState(action, null);
  const values = state && !state.ok && state.values ? state.values : initial;
  const errors = (name: string) => (state && !state.ok ? state.fieldErrors[name] : undefined);
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      {jobPostId && <input type="hidden" name="jobPostId" value={jobPostId} />}
      <Field
        name="title"
        label="Title"
        maxLength={120}
        defaultValue={values.title}
        errors={errors('title')}
      />
      <TextAreaField
        name="description"
        label="Description"
        hint="What the work is, what you have already, what done looks like (up to 10,000 characters)."
        rows={8}
        defaultValue={values.description}
        errors={errors('description')}
      />
      <Field
        name="skills"
        label="Skills"
        hint="1 to 15, separated by commas, each up to 40 characters."
        defaultValue={values.skills}
        errors={errors('skills')}
      />
      <RadioGroup
        name="budgetKind"
        legend="Budget"
        value={values.budgetKind ?? 'hourly'}
        options={[
          { value: 'hourly', label: 'Hourly rate range' },
          { value: 'fixed', label: 'Fixed price' },
        ]}
        errors={errors('budgetKind')}
      />
      <Field
        name="hourlyMinDollars"
        label="Lowest hourly rate (USD, for an hourly budget)"
        inputMode="decimal"
        defaultValue={values.hourlyMinDollars}
        errors={errors('hourlyMinDollars')}
      />
      <Field
        name="hourlyMaxDollars"
        label="Highest hourly rate (USD, for an hourly budget)"
        inputMode="decimal"
        defaultValue={values.hourlyMaxDollars}
        errors={errors('hourlyMaxDollars')}
      />
      <Field
        name="fixedBudgetDollars"
        label="Fixed budget (USD, for a fixed price)"
        inputMode="decimal"
        defaultValue={values.fixedBudgetDollars}
        errors={errors('fixedBudgetDollars')}
      />
      <SelectField
        name="experience"
        label="Experience level"
        placeholder="Choose…"
        options={toOptions(EXPERIENCE_LABELS)}
        defaultValue={values.experience ?? ''}
        errors={errors('experience')}
      />
      <SelectField
        name="duration"
        label="Expected duration"
        placeholder="Choose…"
        options={toOptions(DURATION_LABELS)}
        defaultValue={values.duration ?? ''}
        errors={errors('duration')}
      />
      <SelectField
        name="workload"
        label="Weekly workload"
        placeholder="Choose…"
        options={toOptions(WORKLOAD_LABELS)}
        defaultValue={values.workload ?? ''}
        errors={errors('workload')}
      />
      <RadioGroup
        name="visibility"
        legend="Who can see it"
        value={values.visibility ?? 'public'}
        options={[
          { value: 'public', label: 'Public: any freelancer can find it and propose' },
          { value: 'invite_only', label: 'Invite only: just the freelancers you name below' },
        ]}
        errors={errors('visibility')}
      />
      <TextAreaField
        name="invitees"
        label="Freelancers to invite (invite-only posts)"
        hint="Their Workbridge account emails, one a line."
        rows={3}
        defaultValue={values.invitees}
        errors={errors('invitees')}
      />
      <fieldset aria-describedby={errors('questions') ? 'questions-error' : undefined}>
        <legend>Screening questions (optional, up to 5, each up to 500 characters)</legend>
        {Array.from({ length: QUESTION_ROWS }, (_, i) => (
          <Field
            key={i}
            name={`questions.${i}`}
            label={`Question ${i + 1}`}
            maxLength={500}
            defaultValue={values[`questions.${i}`]}
          />
        ))}
        {errors('questions') && (
          <p id="questions-error" className="field-error">
            {errors('questions')!.join(' ')}
          </p>
        )}
      </fieldset>
      <div className="actions">
        {mode === 'new' ? (
          <>
            <button type="submit" name="intent" value="publish">
              Publish the job post
            </button>
            <button type="submit" name="intent" value="draft" className="secondary">
              Save as a draft
            </button>
          </>
        ) : (
          <SubmitButton pendingLabel="Saving…">Save the changes</SubmitButton>
        )}
      </div>
    </form>
  );
}
