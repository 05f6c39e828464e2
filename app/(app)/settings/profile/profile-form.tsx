'use client';

import { useActionState, type ReactNode } from 'react';
import { Field } from '@/components/field';
import { SelectField, TextAreaField } from '@/components/form-controls';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { saveProfileAction } from './actions';

type Values = Record<string, string>;
type Errors = Record<string, string[]>;

const LEVELS = [
  { value: 'basic', label: 'Basic' },
  { value: 'conversational', label: 'Conversational' },
  { value: 'fluent', label: 'Fluent' },
  { value: 'native', label: 'Native or bilingual' },
];

/** Filled rows, plus one empty row to add another (saving drops empty rows). */
function rowCount(values: Values, list: string, max: number): number {
  const filled = Number(values[`${list}Rows`] ?? 0);
  return Math.min(max, filled + 1);
}

function Rows({
  list,
  legend,
  max,
  values,
  render,
}: {
  list: string;
  legend: string;
  max: number;
  values: Values;
  render: (i: number) => ReactNode;
}) {
  const count = rowCount(values, list, max);
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <fieldset key={i}>
          <legend>
            {legend} {i + 1}
            {i === count - 1 && Number(values[`${list}Rows`] ?? 0) === i
              ? ' (leave empty if none)'
              : ''}
          </legend>
          {render(i)}
        </fieldset>
      ))}
    </>
  );
}

export function ProfileForm({ defaults }: { defaults: Values }) {
  const [state, action] = useActionState(saveProfileAction, null);
  const errors: Errors = state && !state.ok ? state.fieldErrors : {};
  const values: Values = state && !state.ok ? (state.values ?? {}) : defaults;
  const field = (name: string, label: string, extra: Record<string, unknown> = {}) => (
    <Field name={name} label={label} defaultValue={values[name]} errors={errors[name]} {...extra} />
  );
  return (
    <form action={action} noValidate className="card" aria-labelledby="profile-form-heading">
      <h2 id="profile-form-heading">About you</h2>
      <FormMessage state={state} />
      {field('title', 'Professional title', {
        hint: 'Up to 70 characters, like “Full-stack developer for clinics”.',
        maxLength: 70,
      })}
      <TextAreaField
        name="overview"
        label="Overview"
        hint="100 to 5,000 characters: what you do, who you do it for, and one result you are proud of."
        rows={8}
        defaultValue={values.overview}
        errors={errors.overview}
      />
      {field('hourlyRateCents', 'Hourly rate (USD)', {
        hint: 'Between $3.00 and $999.99, like 45 or 45.50.',
        inputMode: 'decimal',
      })}
      {field('skills', 'Skills', {
        hint: '1 to 15, separated by commas, like “React, Node.js, Figma”.',
      })}
      <TextAreaField
        name="portfolioLinks"
        label="Portfolio links (optional)"
        hint="Up to 10 https:// links, one per line."
        rows={3}
        defaultValue={values.portfolioLinks}
        errors={errors.portfolioLinks}
      />

      <h3>Languages</h3>
      <Rows
        list="languages"
        legend="Language"
        max={20}
        values={values}
        render={(i) => (
          <div className="row-fields">
            {field(`languages.${i}.language`, 'Language')}
            <SelectField
              name={`languages.${i}.level`}
              label="Level"
              placeholder="Choose a level"
              options={LEVELS}
              defaultValue={values[`languages.${i}.level`]}
              errors={errors[`languages.${i}.level`]}
            />
          </div>
        )}
      />
      {errors.languages && <p className="field-error">{errors.languages.join(' ')}</p>}

      <h3>Employment history</h3>
      <Rows
        list="employment"
        legend="Job"
        max={20}
        values={values}
        render={(i) => (
          <div className="row-fields">
            {field(`employment.${i}.company`, 'Company or client')}
            {field(`employment.${i}.title`, 'Job title')}
            {field(`employment.${i}.from`, 'Started', {
              type: 'month',
              hint: 'Year and month, like 2021-03.',
            })}
            {field(`employment.${i}.to`, 'Left', {
              type: 'month',
              hint: 'Leave empty if you still work there.',
            })}
          </div>
        )}
      />

      <h3>Education</h3>
      <Rows
        list="education"
        legend="School or course"
        max={10}
        values={values}
        render={(i) => (
          <div className="row-fields">
            {field(`education.${i}.school`, 'School, university or course provider')}
            {field(`education.${i}.degree`, 'Degree or course (optional)')}
            {field(`education.${i}.startYear`, 'Start year', { inputMode: 'numeric' })}
            {field(`education.${i}.endYear`, 'End year (optional)', { inputMode: 'numeric' })}
          </div>
        )}
      />

      <SubmitButton pendingLabel="Saving…">Save profile</SubmitButton>
    </form>
  );
}
