'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDatabase } from '@/db';
import { chooseSideSchema } from '@/lib/accounts/schemas';
import { chooseSide, homeFor } from '@/lib/accounts/service';
import { loadViewer } from '@/lib/auth/session';
import {
  NOT_A_FORM,
  isForm,
  failure,
  invalid,
  refuseNulCharacters,
  type FormState,
} from '@/lib/forms';

export async function chooseSideAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const viewer = await loadViewer();
  if (!viewer) return failure('Your session has ended. Please sign in again.');
  const unstorable = refuseNulCharacters(formData);
  if (unstorable) return unstorable;
  const parsed = chooseSideSchema.safeParse({
    side: formData.get('side') ?? undefined,
    yourName: formData.get('yourName') ?? undefined,
    workspaceName: formData.get('workspaceName') ?? undefined,
    workspaceType: formData.get('workspaceType') ?? undefined,
  });
  if (!parsed.success) return invalid(parsed.error, formData);
  const { db } = await getDatabase();
  await chooseSide(db, viewer.user.id, parsed.data);
  // The header (who is signed in, which side) lives in the root layout: render it again.
  revalidatePath('/', 'layout');
  redirect(homeFor(parsed.data.side));
}
