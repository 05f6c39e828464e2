'use server';

import { redirect } from 'next/navigation';
import { getDatabase } from '@/db';
import { NOT_A_FORM, isForm, failure, type FormState } from '@/lib/forms';
import { setProfileVisibility } from '@/lib/profile/service';
import { refused } from '../form-state';
import { loadActor, SIGNED_OUT } from '../viewer';

export async function setVisibilityAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const actor = await loadActor({ freelancer: true });
  if (!actor) return failure(SIGNED_OUT);
  const { db } = await getDatabase();
  const result = await setProfileVisibility(db, actor.userId, {
    visibility: formData.get('visibility') ?? undefined,
  });
  if (!result.ok) return refused(result, formData);
  redirect('/settings/visibility?notice=saved');
}
