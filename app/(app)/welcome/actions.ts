'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { chooseSideSchema } from '@/lib/accounts/schemas';
import { chooseSide, homeFor } from '@/lib/accounts/service';
import { defineAction } from '@/lib/actions/define-action';

export const chooseSideAction = defineAction({
  actor: 'signed-in',
  schema: chooseSideSchema,
  async handler(input, { db, actor }) {
    await chooseSide(db, actor.userId, input);
    // The header (who is signed in, which side) lives in the root layout: render it again.
    revalidatePath('/', 'layout');
    redirect(homeFor(input.side));
  },
});
