import { uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import { daysFromToday } from '@/tests/helpers/invite-fixtures';
import type { FuzzCase } from '../runner';

function validOffer(): Record<string, string> {
  return {
    'offer.kind': 'hourly',
    'offer.title': 'Fuzzed offer',
    'offer.description': 'Rebuild the marketing site.',
    'offer.startDate': daysFromToday(7),
    'offer.hourlyRateDollars': '50',
    'offer.weeklyLimit': '20',
  };
}

/** The client's invites, and the ops reviewers' decisions. */
export const CLIENT_FUZZ: Record<string, FuzzCase> = {
  'app/(app)/client/invites/actions.ts#createInviteAction': {
    arrange: async (world) => ({
      caller: await world.newClient('company'),
      form: {
        email: uniqueEmail('fuzz-invitee'),
        firstName: 'Sam',
        lastName: 'Park',
        message: 'Hello!',
        ...validOffer(),
      },
    }),
    freshEachRun: 'a second invite to the same address is refused as a duplicate',
  },

  'app/(app)/client/invites/actions.ts#bulkInviteAction': {
    arrange: async (world) => ({
      caller: await world.newClient('company'),
      form: {
        intent: 'send',
        csv: `email,first name,last name\n${uniqueEmail('fuzz-bulk')},Ann,Lee\n${uniqueEmail('fuzz-bulk')},Bo,Chen`,
        ...validOffer(),
      },
    }),
    freshEachRun: 'addresses already invited are skipped, leaving nothing to send',
  },

  'app/(app)/client/invites/actions.ts#editOfferAction': {
    arrange: async (world) => ({
      caller: world.victimClient,
      form: { inviteId: (await world.pendingInvite()).inviteId, ...validOffer() },
    }),
  },

  'app/(app)/client/invites/actions.ts#resendInviteAction': {
    arrange: async (world) => ({
      caller: world.victimClient,
      form: { inviteId: (await world.pendingInvite()).inviteId },
    }),
  },

  'app/(app)/client/invites/actions.ts#revokeInviteAction': {
    arrange: async (world) => ({
      caller: world.victimClient,
      form: { inviteId: (await world.pendingInvite()).inviteId },
    }),
    freshEachRun: 'a revoked invite cannot be revoked again',
  },

  'app/(app)/client/invites/actions.ts#changeInviteEmailAction': {
    arrange: async (world) => ({
      caller: world.victimClient,
      form: {
        inviteId: (await world.pendingInvite()).inviteId,
        email: uniqueEmail('fuzz-corrected'),
      },
    }),
  },

  'app/(app)/admin/compliance/actions.ts#approveCheckAction': {
    arrange: async (world) => ({
      caller: await world.newAdmin(),
      form: { checkId: (await world.submittedCheck()).checkId },
    }),
    freshEachRun: 'a decided check cannot be decided again',
  },

  'app/(app)/admin/compliance/actions.ts#rejectCheckAction': {
    arrange: async (world) => ({
      caller: await world.newAdmin(),
      form: {
        checkId: (await world.submittedCheck()).checkId,
        reason: 'The registration document is unreadable.',
      },
    }),
    freshEachRun: 'a decided check cannot be decided again',
  },
};
