'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { homeFor, switchSide } from '@/lib/accounts/service';
import { signOut } from '@/lib/auth/config';
import { loadViewer } from '@/lib/auth/session';
import { isForm } from '@/lib/forms';

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}

const switchSchema = z.object({ side: z.enum(['client', 'freelancer']) });

export async function switchSideAction(formData: FormData): Promise<void> {
  if (!isForm(formData)) return;
  const viewer = await loadViewer();
  if (!viewer) redirect('/sign-in');
  const parsed = switchSchema.safeParse({ side: formData.get('side') });
  if (!parsed.success) redirect(homeFor(viewer.user.activeSide));
  const { db } = await getDatabase();
  const switched = await switchSide(db, viewer.user.id, parsed.data.side);
  // The header (who is signed in, which side) lives in the root layout: render it again.
  revalidatePath('/', 'layout');
  redirect(switched ? homeFor(parsed.data.side) : '/welcome');
}
