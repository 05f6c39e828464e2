'use server';

import { redirect } from 'next/navigation';
import { getDatabase } from '@/db';
import { NOT_A_FORM, isForm, failure, refuseNulCharacters, type FormState } from '@/lib/forms';
import { flattenProfileValues, readProfileForm } from '@/lib/profile/form';
import { removeProfilePhoto, saveProfile } from '@/lib/profile/service';
import { refused } from '../form-state';
import { loadActor, SIGNED_OUT } from '../viewer';

export async function saveProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const actor = await loadActor({ freelancer: true });
  if (!actor) return failure(SIGNED_OUT);
  const unstorable = refuseNulCharacters(formData);
  if (unstorable) return unstorable;
  const raw = readProfileForm(formData);
  const { db } = await getDatabase();
  const result = await saveProfile(db, actor.userId, raw);
  if (!result.ok) return refused(result, formData, flattenProfileValues(raw));
  redirect('/settings/profile?notice=saved');
}

export async function removePhotoAction(): Promise<void> {
  const actor = await loadActor({ freelancer: true });
  if (!actor) redirect('/sign-in');
  const { db } = await getDatabase();
  await removeProfilePhoto(db, actor.userId);
  redirect('/settings/profile?notice=photo-removed');
}
