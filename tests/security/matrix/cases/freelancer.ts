import { and, eq } from 'drizzle-orm';
import { contracts, freelancerProfiles, payoutMethods, taxProfiles } from '@/db/schema';
import { findProfile } from '@/lib/profile/queries';
import { uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import { formArgs, formOf, redirectedTo, smuggled } from '../calls';
import { defineCase, type Entry } from '../runner';
import { PROFILE_FORM, W9_FORM, type World } from '../world';

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

async function contractStatus(world: World, contractId: string) {
  const [row] = await world.db
    .select({ status: contracts.status })
    .from(contracts)
    .where(eq(contracts.id, contractId));
  return row.status;
}

/** Onboarding, compliance and the freelancer's settings. */
export const FREELANCER_CASES: Record<string, Entry> = {
  'app/(app)/onboarding/actions.ts#saveBasicInfoAction': defineCase({
    kind: 'self',
    reason: "Saves the caller's own basic info; a user id in the form is ignored.",
    rightful: 'victimFreelancer',
    arrange: async () => ({}),
    args: (ctx) =>
      formArgs({
        firstName: 'Matrixa',
        lastName: 'Victim',
        country: 'PT',
        timeZone: 'Europe/Lisbon',
        phone: '',
        acceptTerms: 'on',
        ...smuggled(ctx),
      }),
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/onboarding/contract');
      const [row] = await world.db
        .select()
        .from(freelancerProfiles)
        .where(eq(freelancerProfiles.userId, world.victimFreelancer.userId));
      expect(row.firstName).toBe('Matrixa');
    },
  }),

  'app/(app)/onboarding/actions.ts#acceptContractAction': defineCase({
    kind: 'owner',
    reason: 'Only the freelancer the offer was made to may accept it.',
    rightful: 'victimFreelancer',
    arrange: openOffer,
    args: ({ target }) => formArgs({ contractId: target.contractId, termsHash: target.termsHash }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(
        `/onboarding?notice=accepted&contract=${target.contractId}`,
      );
      expect(await contractStatus(world, target.contractId)).toBe('awaiting_compliance');
    },
  }),

  'app/(app)/onboarding/actions.ts#declineContractAction': defineCase({
    kind: 'owner',
    reason: 'Only the freelancer the offer was made to may decline it.',
    rightful: 'victimFreelancer',
    arrange: openOffer,
    args: ({ target }) =>
      formArgs({ contractId: target.contractId, reason: 'The rate does not work for me.' }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(
        `/onboarding?notice=declined&contract=${target.contractId}`,
      );
      expect(await contractStatus(world, target.contractId)).toBe('declined');
    },
  }),

  'app/(app)/settings/profile/actions.ts#saveProfileAction': defineCase({
    kind: 'self',
    reason: "Saves the caller's own profile; a user id in the form is ignored.",
    rightful: 'victimFreelancer',
    arrange: async () => ({ title: `Matrix ${Math.random().toString(36).slice(2, 8)}` }),
    args: (ctx) => formArgs({ ...PROFILE_FORM, title: ctx.target.title, ...smuggled(ctx) }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/settings/profile?notice=saved');
      expect((await findProfile(world.db, world.victimFreelancer.userId))?.title).toBe(
        target.title,
      );
    },
  }),

  'app/(app)/settings/profile/actions.ts#removePhotoAction': defineCase({
    kind: 'self',
    reason: "Removes the caller's own photo; its form has no fields at all.",
    rightful: 'victimFreelancer',
    async arrange(world) {
      const { photoFileId } = await world.victimProfile();
      return { protect: [photoFileId] };
    },
    // A plain <form action> button: Next.js hands it the (empty) form.
    args: () => [formOf({})],
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/settings/profile?notice=photo-removed');
      expect((await findProfile(world.db, world.victimFreelancer.userId))?.photoFileId).toBeNull();
    },
  }),

  'app/(app)/settings/visibility/actions.ts#setVisibilityAction': defineCase({
    kind: 'self',
    reason: "Sets the caller's own profile visibility; a user id in the form is ignored.",
    rightful: 'victimFreelancer',
    async arrange(world) {
      await world.victimProfile('private');
      return {};
    },
    args: (ctx) => formArgs({ visibility: 'public', ...smuggled(ctx) }),
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/settings/visibility?notice=saved');
      expect((await findProfile(world.db, world.victimFreelancer.userId))?.visibility).toBe(
        'public',
      );
    },
  }),

  'app/(app)/settings/tax/actions.ts#saveTaxInfoAction': defineCase({
    kind: 'self',
    reason: "Saves the caller's own tax declaration; a user id in the form is ignored.",
    rightful: 'victimFreelancer',
    arrange: async () => ({}),
    args: (ctx) =>
      formArgs({
        ...W9_FORM,
        legalName: 'Alex Matrix',
        signature: 'Alex Matrix',
        ...smuggled(ctx),
      }),
    async succeeded(outcome, { world }) {
      expect(redirectedTo(outcome)).toBe('/settings/tax?notice=saved');
      const [row] = await world.db
        .select()
        .from(taxProfiles)
        .where(eq(taxProfiles.userId, world.victimFreelancer.userId));
      expect(row.legalName).toBe('Alex Matrix');
    },
  }),

  'app/(app)/settings/payout/actions.ts#addPayoutMethodAction': defineCase({
    kind: 'self',
    reason: "Adds a method to the caller's own account; a user id in the form is ignored.",
    rightful: 'victimFreelancer',
    arrange: async () => ({ paypal: uniqueEmail('paypal') }),
    args: (ctx) => formArgs({ kind: 'paypal', email: ctx.target.paypal, ...smuggled(ctx) }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/settings/payout?notice=added');
      const rows = await world.db
        .select()
        .from(payoutMethods)
        .where(
          and(
            eq(payoutMethods.email, target.paypal),
            eq(payoutMethods.userId, world.victimFreelancer.userId),
          ),
        );
      expect(rows).toHaveLength(1);
    },
  }),

  'app/(app)/settings/payout/actions.ts#removePayoutMethodAction': defineCase({
    kind: 'owner',
    reason: 'Only the owner of a payout method may remove it.',
    rightful: 'victimFreelancer',
    async arrange(world) {
      const methodId = await world.victimPayoutMethod();
      return { methodId, protect: [methodId] };
    },
    args: ({ target }) => formArgs({ methodId: target.methodId }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/settings/payout?notice=removed');
      expect((await payoutMethod(world, target.methodId)).removedAt).not.toBeNull();
    },
  }),

  'app/(app)/settings/payout/actions.ts#setDefaultPayoutMethodAction': defineCase({
    kind: 'owner',
    reason: 'Only the owner of a payout method may make it the default.',
    rightful: 'victimFreelancer',
    async arrange(world) {
      const methodId = await world.victimPayoutMethod();
      return { methodId, protect: [methodId] };
    },
    args: ({ target }) => formArgs({ methodId: target.methodId }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/settings/payout?notice=default');
      expect((await payoutMethod(world, target.methodId)).isDefault).toBe(true);
    },
  }),
};
