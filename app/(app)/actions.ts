'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { homeFor, switchSide } from '@/lib/accounts/service';
import { defineFormAction } from '@/lib/actions/define-action';
import { signOut } from '@/lib/auth/config';

export const signOutAction = defineFormAction({
  actor: 'anyone',
  schema: z.object({}),
  refusedTo: '/',
  async handler() {
    await signOut({ redirectTo: '/' });
  },
});

export const switchSideAction = defineFormAction({
  actor: 'signed-in',
  schema: z.object({ side: z.enum(['client', 'freelancer']) }),
  refusedTo: '/sign-in',
  onInvalid: ({ actor }) => redirect(homeFor(actor.viewer.user.activeSide)),
  async handler({ side }, { db, actor }) {
    const switched = await switchSide(db, actor.userId, side);
    // The header (who is signed in, which side) lives in the root layout: render it again.
    revalidatePath('/', 'layout');
    redirect(switched ? homeFor(side) : '/welcome');
  },
});
