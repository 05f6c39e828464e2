import type { FieldErrors, FormState } from '@/lib/forms';
import { formValues } from '@/lib/forms';

/** Fields that are never sent back to the browser, even to redisplay a form with errors. */
const SECRET_FIELDS = ['accountNumber', 'iban', 'tin', 'foreignTaxId'];

type Failure = { ok: false; message: string; fieldErrors?: FieldErrors };

/** A service's refusal as the form's state, with the typed values (secrets left out) echoed back. */
export function refused(
  result: Failure,
  formData: FormData,
  values?: Record<string, string>,
): FormState {
  return {
    ok: false,
    message: result.message,
    fieldErrors: result.fieldErrors ?? {},
    values: values ?? formValues(formData, SECRET_FIELDS),
  };
}
