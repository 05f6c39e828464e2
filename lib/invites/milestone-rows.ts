import { formValues, type FormState } from '@/lib/forms';

/** The offer form's no-JavaScript "add another milestone" button, read outside its schema. */
export const MILESTONE_BUTTON = ['intent', 'milestoneRows'];

/** "Add another milestone" without JavaScript: echo the form back with one more row. */
export function addMilestoneRow(formData: FormData): FormState | null {
  if (formData.get('intent') !== 'add-milestone') return null;
  const values = formValues(formData);
  values.milestoneRows = String(Math.min(10, Number(values.milestoneRows ?? 1) + 1));
  values['offer.kind'] = 'fixed';
  return { ok: false, message: '', fieldErrors: {}, values };
}
