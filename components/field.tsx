import type { InputHTMLAttributes, ReactNode } from 'react';

type FieldProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
} & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input with its hint and errors announced to assistive technology. */
export function Field({ name, label, hint, errors, id, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <input
        id={inputId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...input}
      />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

export function FieldError({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="field-error">
      {errors.join(' ')}
    </p>
  );
}
