'use server';

import { redirect } from 'next/navigation';
import { NOT_A_FORM, isForm, failure, type FormState } from '@/lib/forms';
import { confirmPayoutChange } from '@/lib/payouts/service';
import { confirmFromForm, INVALID_LINK } from '../confirm-token';

export async function confirmPayoutChangeAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const confirmed = await confirmFromForm(formData, confirmPayoutChange);
  if (confirmed.kind === 'invalid') return failure(INVALID_LINK);
  const { result, viewer } = confirmed;
  if (!result.ok) return failure(result.message);
  // Not back to the link's page, which would now find its link used: on to where the change
  // shows, or to sign-in when nobody is signed in here.
  redirect(viewer ? '/settings/payout?notice=confirmed' : '/sign-in?notice=payout-confirmed');
}
