import { findProfile } from '@/lib/profile/queries';
import { redirectedTo } from '@/tests/security/matrix/calls';
import { defineActionCase, type ActionCase } from '../case';

/** The Find Work home's side menu (lib/profile's visibility and availability rules). */
export const FIND_WORK_CASES: Record<string, ActionCase> = {
  'app/(app)/find-work/actions.ts#setFindWorkVisibilityAction': defineActionCase({
    actor: 'freelancer',
    kind: 'self',
    reason:
      "Sets the caller's own profile visibility from the Find Work menu; a user id in the form is ignored.",
    rightful: 'victimFreelancer',
    async arrange(world) {
      await world.victimProfile('private');
      return {};
    },
    form: () => ({ visibility: 'signed_in' }),
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/find-work?notice=visibility-saved');
      expect((await findProfile(world.db, world.victimFreelancer.userId))?.visibility).toBe(
        'signed_in',
      );
    },
  }),

  'app/(app)/find-work/actions.ts#setAvailabilityAction': defineActionCase({
    actor: 'freelancer',
    kind: 'self',
    reason: "Sets the caller's own availability for new work; a user id in the form is ignored.",
    rightful: 'victimFreelancer',
    async arrange(world) {
      await world.victimProfile('public');
      return {};
    },
    form: () => ({ availability: 'unavailable' }),
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/find-work?notice=availability-saved');
      expect((await findProfile(world.db, world.victimFreelancer.userId))?.availability).toBe(
        'unavailable',
      );
    },
  }),
};
