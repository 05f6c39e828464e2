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

export function failure(message: string, fieldErrors: FieldErrors = {}): ActionResult<never> {
  return { ok: false, message, fieldErrors };
}

/**
 * Postgres cannot store U+0000 (in text or jsonb): a value holding one fails the write with
 * an error, a 500. Nobody types it, so an action that stores free text refuses such a form
 * up front, naming each field that holds one.
 */
export function refuseNulCharacters(formData: FormData): ActionResult<never> | null {
  const fields = new Set<string>();
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && value.includes('\u0000')) fields.add(key);
  }
  if (fields.size === 0) return null;
  // fromEntries, not assignment: a field named "__proto__" stays a plain key.
  const message = 'This field contains a hidden character we cannot store. Please retype it.';
  const fieldErrors: FieldErrors = Object.fromEntries([...fields].map((key) => [key, [message]]));
  return {
    ok: false,
    message: 'Some fields contain a hidden character we cannot store.',
    fieldErrors,
  };
}

/**
 * Whether a server action got a form. Next decodes the arguments of any request that names
 * an action, so a crafted request can hand it a string, a number or an object instead.
 */
export function isForm(value: unknown): value is FormData {
  return value instanceof FormData;
}

export const NOT_A_FORM: ActionResult<never> = {
  ok: false,
  message: 'This request did not come from one of our forms. Please use the form on the page.',
  fieldErrors: {},
};

/** A service's refusal of input that did not parse: the same summary, each field's messages. */
export function invalidInput(errors: z.ZodError | FieldErrors) {
  return {
    ok: false as const,
    reason: 'invalid' as const,
    message: 'Please correct the highlighted fields.',
    fieldErrors: errors instanceof Error ? collectFieldErrors(errors) : errors,
  };
}
