'use server';

import { confirmFromForm, INVALID_LINK } from '../confirm-token';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDatabase } from '@/db';
import { confirmEmailChange, requestEmailChange } from '@/lib/accounts/email-change';
import { signOutEverywhere } from '@/lib/accounts/sessions';
import { clearSessionCookie, loadViewer } from '@/lib/auth/session';
import { NOT_A_FORM, isForm, failure, type FormState } from '@/lib/forms';
import { clientIp } from '@/lib/server/request';
import { refused } from '../form-state';
import { loadActor, SIGNED_OUT } from '../viewer';

export async function requestEmailChangeAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const actor = await loadActor({ freelancer: false });
  if (!actor) return failure(SIGNED_OUT);
  const { db } = await getDatabase();
  const result = await requestEmailChange(db, actor, { email: formData.get('email') ?? undefined });
  if (!result.ok) {
    const state = refused(result, formData);
    return result.reason === 'sign-in-again' && state && !state.ok
      ? { ...state, link: { href: '/sign-in', label: 'Sign in again' } }
      : state;
  }
  return { ok: true, message: result.message };
}

export async function confirmEmailChangeAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const confirmed = await confirmFromForm(formData, confirmEmailChange);
  if (confirmed.kind === 'invalid') return failure(INVALID_LINK);
  const { result, viewer } = confirmed;
  if (!result.ok) return failure(result.message);
  // Staying here would render the link's page again, which now finds its link used and says
  // only that: go on to the account page, or to sign-in when nobody is signed in here.
  if (!viewer) redirect('/sign-in?notice=email-changed');
  // The header shows the signed-in address: render it again.
  revalidatePath('/', 'layout');
  redirect('/settings/account?notice=email-changed');
}

export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await loadViewer();
  if (viewer) {
    const { db } = await getDatabase();
    await signOutEverywhere(db, viewer.user.id, await clientIp());
  }
  await clearSessionCookie();
  revalidatePath('/', 'layout');
  redirect('/sign-in');
}
