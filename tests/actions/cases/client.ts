import { and, eq, inArray } from 'drizzle-orm';
import { complianceChecks, contracts, invites } from '@/db/schema';
import { uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import { daysFromToday, findInvite } from '@/tests/helpers/invite-fixtures';
import { redirectedTo } from '@/tests/security/matrix/calls';
import type { World } from '@/tests/security/matrix/world';
import { defineActionCase, type ActionCase } from '../case';

/** The fields of an hourly offer as the invite form names them. */
function offerFields(title: string): Record<string, string> {
  return {
    'offer.kind': 'hourly',
    'offer.title': title,
    'offer.description': 'Rebuild the marketing site.',
    'offer.startDate': daysFromToday(7),
    'offer.hourlyRateDollars': '50',
    'offer.weeklyLimit': '20',
  };
}

/** A pending invite of the victim client, as the target of the per-invite actions. */
async function victimInvite(world: World) {
  const invite = await world.pendingInvite();
  const row = await findInvite(world.db, invite.inviteId);
  return { ...invite, tokenHash: row.tokenHash, protect: [invite.inviteId, invite.email] };
}

/** A check of a freelancer of the victim client, submitted and waiting for ops. */
async function submittedCheck(world: World) {
  const { freelancer, checkId } = await world.submittedCheck();
  return {
    people: { victimFreelancer: freelancer },
    checkId,
    protect: [checkId, freelancer.userId],
  };
}

async function checkStatus(world: World, checkId: string) {
  const [row] = await world.db
    .select({ status: complianceChecks.status })
    .from(complianceChecks)
    .where(eq(complianceChecks.id, checkId));
  return row.status;
}

/** The client's invites, and the ops reviewers' decisions. */
export const CLIENT_CASES: Record<string, ActionCase> = {
  'app/(app)/client/invites/actions.ts#createInviteAction': defineActionCase({
    actor: 'client',
    kind: 'self',
    reason: "Invites into the caller's own workspace; a workspace id in the form is ignored.",
    rightful: 'victimClient',
    arrange: async () => ({ email: uniqueEmail('new-invitee') }),
    form: ({ target }) => ({
      email: target.email,
      firstName: 'Sam',
      lastName: 'Park',
      message: 'Hello!',
      ...offerFields('Matrix offer'),
    }),
    fuzz: { freshEachRun: 'a second invite to the same address is refused as a duplicate' },
    async succeeded(outcome, { world, target }) {
      const [row] = await world.db
        .select()
        .from(invites)
        .where(
          and(
            eq(invites.email, target.email),
            eq(invites.workspaceId, world.victimClient.workspaceId),
          ),
        );
      expect(redirectedTo(outcome)).toBe(`/client/invites/${row.id}?notice=sent`);
    },
  }),

  'app/(app)/client/invites/actions.ts#bulkInviteAction': defineActionCase({
    actor: 'client',
    kind: 'self',
    reason:
      "Sends a list of invites from the caller's own workspace; a workspace id in the form is ignored.",
    rightful: 'victimClient',
    arrange: async () => ({ emails: [uniqueEmail('bulk-a'), uniqueEmail('bulk-b')] }),
    form: ({ target }) => ({
      intent: 'send',
      csv: `email,first name,last name\n${target.emails[0]},Ann,Lee\n${target.emails[1]},Bo,Chen`,
      ...offerFields('Matrix bulk offer'),
    }),
    fuzz: { freshEachRun: 'addresses already invited are skipped, leaving nothing to send' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/client?notice=bulk-sent&count=2');
      const rows = await world.db
        .select()
        .from(invites)
        .where(
          and(
            eq(invites.workspaceId, world.victimClient.workspaceId),
            inArray(invites.email, target.emails),
          ),
        );
      expect(rows).toHaveLength(2);
    },
  }),

  'app/(app)/client/invites/actions.ts#editOfferAction': defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason: 'Only the workspace that sent the invite may change its offer.',
    rightful: 'victimClient',
    arrange: victimInvite,
    form: ({ target }) => ({ inviteId: target.inviteId, ...offerFields('Edited by the matrix') }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/client/invites/${target.inviteId}?notice=edited`);
      const [row] = await world.db
        .select({ title: contracts.title })
        .from(contracts)
        .where(eq(contracts.inviteId, target.inviteId));
      expect(row.title).toBe('Edited by the matrix');
    },
  }),

  'app/(app)/client/invites/actions.ts#resendInviteAction': defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason: 'Only the workspace that sent the invite may send it again.',
    rightful: 'victimClient',
    arrange: victimInvite,
    form: ({ target }) => ({ inviteId: target.inviteId }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/client/invites/${target.inviteId}?notice=resent`);
      expect((await findInvite(world.db, target.inviteId)).tokenHash).not.toBe(target.tokenHash);
    },
  }),

  'app/(app)/client/invites/actions.ts#revokeInviteAction': defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason: 'Only the workspace that sent the invite may revoke it.',
    rightful: 'victimClient',
    arrange: victimInvite,
    form: ({ target }) => ({ inviteId: target.inviteId }),
    fuzz: { freshEachRun: 'a revoked invite cannot be revoked again' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/client/invites/${target.inviteId}?notice=revoked`);
      expect((await findInvite(world.db, target.inviteId)).status).toBe('revoked');
    },
  }),

  'app/(app)/client/invites/actions.ts#changeInviteEmailAction': defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason: 'Only the workspace that sent the invite may send it to another address.',
    rightful: 'victimClient',
    async arrange(world) {
      return { ...(await victimInvite(world)), newEmail: uniqueEmail('corrected') };
    },
    form: ({ target }) => ({ inviteId: target.inviteId, email: target.newEmail }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/client/invites/${target.inviteId}?notice=email-changed`);
      expect((await findInvite(world.db, target.inviteId)).email).toBe(target.newEmail);
    },
  }),

  'app/(app)/admin/compliance/actions.ts#approveCheckAction': defineActionCase({
    actor: 'reviewer',
    kind: 'admin-only',
    reason:
      'Only ops reviewers decide compliance checks; the freelancer and the client are wrong actors too.',
    rightful: 'admin',
    arrange: submittedCheck,
    form: ({ target }) => ({ checkId: target.checkId }),
    fuzz: { freshEachRun: 'a decided check cannot be decided again' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/admin/compliance?notice=approved');
      expect(await checkStatus(world, target.checkId)).toBe('approved');
    },
  }),

  'app/(app)/admin/compliance/actions.ts#rejectCheckAction': defineActionCase({
    actor: 'reviewer',
    kind: 'admin-only',
    reason:
      'Only ops reviewers decide compliance checks; the freelancer and the client are wrong actors too.',
    rightful: 'admin',
    arrange: submittedCheck,
    form: ({ target }) => ({
      checkId: target.checkId,
      reason: 'The registration document is unreadable.',
    }),
    fuzz: { freshEachRun: 'a decided check cannot be decided again' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/admin/compliance?notice=rejected');
      expect(await checkStatus(world, target.checkId)).toBe('rejected');
    },
  }),
};
