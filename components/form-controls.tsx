import type { ComponentPropsWithRef, ReactNode, TextareaHTMLAttributes } from 'react';
import { FieldError } from './field';

type Described = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  id?: string;
};

/** ids for a control's hint and error, joined for aria-describedby. */
function describedBy(inputId: string, hint: ReactNode, errors?: string[]) {
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

/** A labelled textarea with hint and errors, like Field. */
export function TextAreaField({
  name,
  label,
  hint,
  errors,
  id,
  ...textarea
}: Described & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const inputId = id ?? `field-${name}`;
  const ids = describedBy(inputId, hint, errors);
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p id={ids.hintId} className="hint">
          {hint}
        </p>
      )}
      <textarea
        id={inputId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={ids.describedBy}
        {...textarea}
      />
      <FieldError id={ids.errorId} errors={errors} />
    </div>
  );
}

/** A labelled select with a placeholder option, hint and errors, like Field. */
export function SelectField({
  name,
  label,
  hint,
  errors,
  id,
  options,
  placeholder,
  ...select
}: Described & {
  options: readonly { value: string; label: string }[];
  placeholder?: string;
} & ComponentPropsWithRef<'select'>) {
  const inputId = id ?? `field-${name}`;
  const ids = describedBy(inputId, hint, errors);
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p id={ids.hintId} className="hint">
          {hint}
        </p>
      )}
      {/* React sets a select's default only when it mounts, and resets a form to its
          defaults after an action: keyed by the default, the select mounts again when an
          action echoes another value, so a refused form keeps the choice made. */}
      <select
        key={String(select.defaultValue ?? '')}
        id={inputId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={ids.describedBy}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={ids.errorId} errors={errors} />
    </div>
  );
}

/** Radio buttons in a fieldset whose legend names the choice; errors follow the group. */
export function RadioGroup({
  name,
  legend,
  options,
  value,
  errors,
}: {
  name: string;
  legend: ReactNode;
  options: readonly { value: string; label: ReactNode; hint?: ReactNode }[];
  value?: string;
  errors?: string[];
}) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId}>
      <legend>{legend}</legend>
      {options.map((o) => {
        const id = `${name}-${o.value}`;
        const hintId = o.hint ? `${id}-hint` : undefined;
        return (
          <div className="choice" key={o.value}>
            <input
              type="radio"
              id={id}
              name={name}
              value={o.value}
              defaultChecked={value === o.value}
              aria-describedby={hintId}
            />
            <div>
              <label htmlFor={id}>{o.label}</label>
              {o.hint ? (
                <p id={hintId} className="hint">
                  {o.hint}
                </p>
              ) : null}
            </div>
          </div>
        );
      })}
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}
