import { uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import { daysFromToday } from '@/tests/helpers/invite-fixtures';
import type { FuzzCase } from '../runner';

/** Every field of the offer form, both kinds, with one milestone row. */
const OFFER_FIELDS = [
  'offer.kind',
  'offer.title',
  'offer.description',
  'offer.startDate',
  'offer.hourlyRateDollars',
  'offer.weeklyLimit',
  'offer.allowManualTime',
  'offer.milestones.0.description',
  'offer.milestones.0.amountDollars',
  'offer.milestones.0.dueDate',
  // The no-JavaScript "add another milestone" button.
  'intent',
  'milestoneRows',
];

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
    fields: ['email', 'firstName', 'lastName', 'message', ...OFFER_FIELDS],
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
    fields: ['csv', 'csvFile', ...OFFER_FIELDS],
    files: ['csvFile'],
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
    fields: ['inviteId', ...OFFER_FIELDS],
    arrange: async (world) => ({
      caller: world.victimClient,
      form: { inviteId: (await world.pendingInvite()).inviteId, ...validOffer() },
    }),
  },

  'app/(app)/client/invites/actions.ts#resendInviteAction': {
    fields: ['inviteId'],
    arrange: async (world) => ({
      caller: world.victimClient,
      form: { inviteId: (await world.pendingInvite()).inviteId },
    }),
  },

  'app/(app)/client/invites/actions.ts#revokeInviteAction': {
    fields: ['inviteId'],
    arrange: async (world) => ({
      caller: world.victimClient,
      form: { inviteId: (await world.pendingInvite()).inviteId },
    }),
    freshEachRun: 'a revoked invite cannot be revoked again',
  },

  'app/(app)/client/invites/actions.ts#changeInviteEmailAction': {
    fields: ['inviteId', 'email'],
    arrange: async (world) => ({
      caller: world.victimClient,
      form: {
        inviteId: (await world.pendingInvite()).inviteId,
        email: uniqueEmail('fuzz-corrected'),
      },
    }),
  },

  'app/(app)/admin/compliance/actions.ts#approveCheckAction': {
    fields: ['checkId'],
    arrange: async (world) => ({
      caller: await world.newAdmin(),
      form: { checkId: (await world.submittedCheck()).checkId },
    }),
    freshEachRun: 'a decided check cannot be decided again',
  },

  'app/(app)/admin/compliance/actions.ts#rejectCheckAction': {
    fields: ['checkId', 'reason'],
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
