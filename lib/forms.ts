import type { z } from 'zod';

export type FieldErrors = Record<string, string[]>;

/** What every server action returns to its form. */
export type ActionResult<T extends object = object> =
  | ({ ok: true; message?: string } & T)
  | {
      ok: false;
      message: string;
      fieldErrors: FieldErrors;
      values?: Record<string, string>;
      /** A way forward shown with the message, e.g. the existing invite. */
      link?: { href: string; label: string };
    };

export type FormState<T extends object = object> = ActionResult<T> | null;

/** Every issue of a zod error, grouped by field path ("milestones.0.amount"). */
export function collectFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** The submitted text values, echoed back so a form without JavaScript keeps them. */
export function formValues(formData: FormData, omit: string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION') && !omit.includes(key)) {
      values[key] = value;
    }
  }
  return values;
}

export function invalid(
  error: z.ZodError,
  formData: FormData,
  message = 'Please correct the highlighted fields.',
): ActionResult<never> {
  return { ok: false, message, fieldErrors: collectFieldErrors(error), values: formValues(formData) };
}

export function failure(message: string, fieldErrors: FieldErrors = {}): ActionResult<never> {
  return { ok: false, message, fieldErrors };
}
