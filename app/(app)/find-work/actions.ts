'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { availabilitySchema } from '@/lib/profile/availability';
import { setProfileAvailability, setProfileVisibility } from '@/lib/profile/service';
import { visibilitySchema } from '@/lib/profile/visibility';

/** The Find Work menu's visibility form: the same rule and service as the settings page. */
export const setFindWorkVisibilityAction = defineAction({
  actor: 'freelancer',
  schema: visibilitySchema,
  async handler(input, { db, actor }) {
    await setProfileVisibility(db, actor.userId, input);
    redirect('/find-work?notice=visibility-saved');
  },
});

export const setAvailabilityAction = defineAction({
  actor: 'freelancer',
  schema: availabilitySchema,
  async handler(input, { db, actor }) {
    await setProfileAvailability(db, actor.userId, input);
    redirect('/find-work?notice=availability-saved');
  },
});
