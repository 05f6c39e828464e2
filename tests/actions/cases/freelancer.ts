import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { contracts, freelancerProfiles, payoutMethods, taxProfiles } from '@/db/schema';
import { findProfile } from '@/lib/profile/queries';
import { US_BANK } from '@/tests/helpers/settings-fixtures';
import { redirectedTo } from '@/tests/security/matrix/calls';
import { PROFILE_FORM, W9_FORM, type World } from '@/tests/security/matrix/world';
import { defineActionCase, type ActionCase } from '../case';

async function payoutMethod(world: World, methodId: string) {
  const [row] = await world.db.select().from(payoutMethods).where(eq(payoutMethods.id, methodId));
  return row;
}

/** An offer of the victim client that its invitee opened and has not decided yet. */
async function openOffer(world: World) {
  const offer = await world.openOffer();
  return {
    ...offer,
    people: { victimFreelancer: offer.freelancer },
    protect: [offer.contractId, offer.inviteId],
  };
}

/** A new PayPal method of the victim freelancer, as the target of the per-method actions. */
async function victimMethod(world: World) {
  const methodId = await world.victimPayoutMethod();
  return { methodId, protect: [methodId] };
}

async function contractStatus(world: World, contractId: string) {
  const [row] = await world.db
    .select({ status: contracts.status })
    .from(contracts)
    .where(eq(contracts.id, contractId));
  return row.status;
}

/** A value of this case alone, so its row can be told from every other. */
const marked = (what: string) => `${what} ${randomUUID().slice(0, 8)}`;

/** Onboarding, compliance and the freelancer's settings. */
export const FREELANCER_CASES: Record<string, ActionCase> = {
  'app/(app)/onboarding/actions.ts#saveBasicInfoAction': defineActionCase({
    actor: 'freelancer',
    kind: 'self',
    reason: "Saves the caller's own basic info; a user id in the form is ignored.",
    rightful: 'victimFreelancer',
    arrange: async () => ({}),
    form: () => ({
      firstName: 'Zoë',
      lastName: "O'Brien",
      country: 'PT',
      timeZone: 'Europe/Lisbon',
      phone: '+351 912 345 678',
      acceptTerms: 'on',
    }),
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/onboarding/contract');
      const [row] = await world.db
        .select()
        .from(freelancerProfiles)
        .where(eq(freelancerProfiles.userId, world.victimFreelancer.userId));
      expect([row.firstName, row.lastName]).toEqual(['Zoë', "O'Brien"]);
    },
  }),

  'app/(app)/onboarding/actions.ts#acceptContractAction': defineActionCase({
    actor: 'freelancer',
    kind: 'owner',
    reason: 'Only the freelancer the offer was made to may accept it.',
    rightful: 'victimFreelancer',
    arrange: openOffer,
    form: ({ target }) => ({ contractId: target.contractId, termsHash: target.termsHash }),
    fuzz: { freshEachRun: 'an accepted offer cannot be accepted again' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(
        `/onboarding?notice=accepted&contract=${target.contractId}`,
      );
      expect(await contractStatus(world, target.contractId)).toBe('awaiting_compliance');
    },
  }),

  'app/(app)/onboarding/actions.ts#declineContractAction': defineActionCase({
    actor: 'freelancer',
    kind: 'owner',
    reason: 'Only the freelancer the offer was made to may decline it.',
    rightful: 'victimFreelancer',
    arrange: openOffer,
    form: ({ target }) => ({
      contractId: target.contractId,
      reason: 'The rate does not work for me.',
    }),
    fuzz: { freshEachRun: 'a declined offer cannot be declined again' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(
        `/onboarding?notice=declined&contract=${target.contractId}`,
      );
      expect(await contractStatus(world, target.contractId)).toBe('declined');
    },
  }),

  'app/(app)/settings/profile/actions.ts#saveProfileAction': defineActionCase({
    actor: 'freelancer',
    kind: 'self',
    reason: "Saves the caller's own profile; a user id in the form is ignored.",
    rightful: 'victimFreelancer',
    arrange: async () => ({ title: marked('Matrix') }),
    form: ({ target }) => ({ ...PROFILE_FORM, title: target.title }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/settings/profile?notice=saved');
      expect((await findProfile(world.db, world.victimFreelancer.userId))?.title).toBe(
        target.title,
      );
    },
  }),

  'app/(app)/settings/profile/actions.ts#removePhotoAction': defineActionCase({
    actor: 'freelancer',
    kind: 'self',
    reason: "Removes the caller's own photo; its form has no fields of its own.",
    rightful: 'victimFreelancer',
    async arrange(world) {
      const { photoFileId } = await world.victimProfile();
      return { protect: [photoFileId] };
    },
    form: () => ({}),
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/settings/profile?notice=photo-removed');
      expect((await findProfile(world.db, world.victimFreelancer.userId))?.photoFileId).toBeNull();
    },
  }),

  'app/(app)/settings/visibility/actions.ts#setVisibilityAction': defineActionCase({
    actor: 'freelancer',
    kind: 'self',
    reason: "Sets the caller's own profile visibility; a user id in the form is ignored.",
    rightful: 'victimFreelancer',
    async arrange(world) {
      await world.victimProfile('private');
      return {};
    },
    form: () => ({ visibility: 'public' }),
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/settings/visibility?notice=saved');
      expect((await findProfile(world.db, world.victimFreelancer.userId))?.visibility).toBe(
        'public',
      );
    },
  }),

  'app/(app)/settings/tax/actions.ts#saveTaxInfoAction': defineActionCase({
    actor: 'freelancer',
    kind: 'self',
    reason: "Saves the caller's own tax declaration; a user id in the form is ignored.",
    rightful: 'victimFreelancer',
    arrange: async () => ({}),
    // The victim's W-9 is already saved: another name tells the new one apart.
    form: () => ({ ...W9_FORM, legalName: 'Alex Matrix', signature: 'Alex Matrix' }),
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/settings/tax?notice=saved');
      const [row] = await world.db
        .select()
        .from(taxProfiles)
        .where(eq(taxProfiles.userId, world.victimFreelancer.userId));
      expect(row.legalName).toBe('Alex Matrix');
    },
  }),

  'app/(app)/settings/payout/actions.ts#addPayoutMethodAction': defineActionCase({
    actor: 'freelancer',
    kind: 'self',
    reason: "Adds a method to the caller's own account; a user id in the form is ignored.",
    rightful: 'victimFreelancer',
    // Each call opens a new session, so every change counts as after a recent sign-in.
    arrange: async () => ({ holderName: marked('Alex Kim') }),
    form: ({ target }) => ({ ...US_BANK, holderName: target.holderName }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/settings/payout?notice=added');
      const rows = await world.db
        .select()
        .from(payoutMethods)
        .where(
          and(
            eq(payoutMethods.holderName, target.holderName),
            eq(payoutMethods.userId, world.victimFreelancer.userId),
          ),
        );
      expect(rows).toHaveLength(1);
    },
  }),

  'app/(app)/settings/payout/actions.ts#removePayoutMethodAction': defineActionCase({
    actor: 'freelancer',
    kind: 'owner',
    reason: 'Only the owner of a payout method may remove it.',
    rightful: 'victimFreelancer',
    arrange: victimMethod,
    form: ({ target }) => ({ methodId: target.methodId }),
    fuzz: { freshEachRun: 'a removed method cannot be removed again' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/settings/payout?notice=removed');
      expect((await payoutMethod(world, target.methodId)).removedAt).not.toBeNull();
    },
  }),

  'app/(app)/settings/payout/actions.ts#setDefaultPayoutMethodAction': defineActionCase({
    actor: 'freelancer',
    kind: 'owner',
    reason: 'Only the owner of a payout method may make it the default.',
    rightful: 'victimFreelancer',
    // The victim's first method (the bank account) is the default; this one is not.
    arrange: victimMethod,
    form: ({ target }) => ({ methodId: target.methodId }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/settings/payout?notice=default');
      expect((await payoutMethod(world, target.methodId)).isDefault).toBe(true);
    },
  }),
};
