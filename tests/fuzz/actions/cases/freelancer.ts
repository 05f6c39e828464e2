import { uploadProfilePhoto } from '@/lib/profile/service';
import { uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import { solidPng } from '@/tests/helpers/png';
import {
  actorSignedIn,
  addPayoutMethodNow,
  createFreelancer,
  PAYPAL,
  US_BANK,
} from '@/tests/helpers/settings-fixtures';
import { PROFILE_FORM, W9_FORM, type World } from '@/tests/security/matrix/world';
import type { FuzzCase } from '../runner';

/** A freelancer with a PayPal method applied at once; the method's id. */
async function freelancerWithMethod(world: World) {
  const caller = await createFreelancer(world.db);
  const actor = await actorSignedIn(world.db, caller, 1);
  const methodId = await addPayoutMethodNow(world.db, actor, {
    ...PAYPAL,
    email: uniqueEmail('fuzz-paypal'),
  });
  return { caller, actor, methodId };
}

/** An offer the caller opened and has not decided yet. */
async function openOffer(world: World) {
  const offer = await world.openOffer();
  return { caller: offer.freelancer, contractId: offer.contractId, termsHash: offer.termsHash };
}

/** Onboarding, compliance and the freelancer's settings. */
export const FREELANCER_FUZZ: Record<string, FuzzCase> = {
  'app/(app)/onboarding/actions.ts#saveBasicInfoAction': {
    arrange: async (world) => ({
      caller: await createFreelancer(world.db),
      form: {
        firstName: 'Zoë',
        lastName: "O'Brien",
        country: 'PT',
        timeZone: 'Europe/Lisbon',
        phone: '+351 912 345 678',
        acceptTerms: 'on',
      },
    }),
  },

  'app/(app)/onboarding/actions.ts#acceptContractAction': {
    async arrange(world) {
      const { caller, contractId, termsHash } = await openOffer(world);
      return { caller, form: { contractId, termsHash } };
    },
    freshEachRun: 'an accepted offer cannot be accepted again',
  },

  'app/(app)/onboarding/actions.ts#declineContractAction': {
    async arrange(world) {
      const { caller, contractId } = await openOffer(world);
      return { caller, form: { contractId, reason: 'The rate does not work for me.' } };
    },
    freshEachRun: 'a declined offer cannot be declined again',
  },

  'app/(app)/settings/profile/actions.ts#saveProfileAction': {
    arrange: async (world) => ({ caller: await createFreelancer(world.db), form: PROFILE_FORM }),
  },

  'app/(app)/settings/profile/actions.ts#removePhotoAction': {
    async arrange(world) {
      const caller = await createFreelancer(world.db);
      const photo = await uploadProfilePhoto(world.db, caller.userId, {
        bytes: new Uint8Array(solidPng()),
        fileName: 'me.png',
      });
      if (!photo.ok) throw new Error(photo.message);
      return { caller, form: {} };
    },
  },

  'app/(app)/settings/visibility/actions.ts#setVisibilityAction': {
    arrange: async (world) => ({
      caller: await createFreelancer(world.db),
      form: { visibility: 'public' },
    }),
  },

  'app/(app)/settings/tax/actions.ts#saveTaxInfoAction': {
    arrange: async (world) => ({ caller: await createFreelancer(world.db), form: W9_FORM }),
  },

  'app/(app)/settings/payout/actions.ts#addPayoutMethodAction': {
    // Each run opens a new session, so every change counts as after a recent sign-in.
    arrange: async (world) => ({
      caller: await createFreelancer(world.db),
      form: US_BANK,
    }),
  },

  'app/(app)/settings/payout/actions.ts#removePayoutMethodAction': {
    async arrange(world) {
      const { caller, methodId } = await freelancerWithMethod(world);
      return { caller, form: { methodId } };
    },
    freshEachRun: 'a removed method cannot be removed again',
  },

  'app/(app)/settings/payout/actions.ts#setDefaultPayoutMethodAction': {
    async arrange(world) {
      const { caller, actor } = await freelancerWithMethod(world);
      // The first method is the default; the form makes the second one the default.
      const second = await addPayoutMethodNow(world.db, actor, {
        ...PAYPAL,
        email: uniqueEmail('fuzz-paypal'),
      });
      return { caller, form: { methodId: second } };
    },
  },
};
