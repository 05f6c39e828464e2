'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction, defineFormAction } from '@/lib/actions/define-action';
import { flattenProfileValues, readProfileForm } from '@/lib/profile/form';
import { profileSchema } from '@/lib/profile/schemas';
import { removeProfilePhoto, saveProfile } from '@/lib/profile/service';

export const saveProfileAction = defineAction({
  actor: 'freelancer',
  schema: profileSchema,
  // Empty rows are dropped before parsing, so errors and echoed values share row numbers.
  read: readProfileForm,
  values: flattenProfileValues,
  async handler(input, { db, actor }) {
    await saveProfile(db, actor.userId, input);
    redirect('/settings/profile?notice=saved');
  },
});

export const removePhotoAction = defineFormAction({
  actor: 'freelancer',
  schema: z.object({}),
  refusedTo: '/sign-in',
  onInvalid: () => redirect('/settings/profile'),
  async handler(_input, { db, actor }) {
    await removeProfilePhoto(db, actor.userId);
    redirect('/settings/profile?notice=photo-removed');
  },
});
