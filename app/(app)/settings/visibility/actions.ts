'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { setProfileVisibility } from '@/lib/profile/service';
import { visibilitySchema } from '@/lib/profile/visibility';

export const setVisibilityAction = defineAction({
  actor: 'freelancer',
  schema: visibilitySchema,
  async handler(input, { db, actor }) {
    await setProfileVisibility(db, actor.userId, input);
    redirect('/settings/visibility?notice=saved');
  },
});
