import { and, eq, inArray } from 'drizzle-orm';
import { complianceChecks, contracts, invites } from '@/db/schema';
import { uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import { daysFromToday, findInvite } from '@/tests/helpers/invite-fixtures';
import { formArgs, redirectedTo, smuggled } from '../calls';
import { defineCase, type Entry } from '../runner';
import type { World } from '../world';

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

/** The client's invites, and the ops reviewers' decisions. */
export const CLIENT_CASES: Record<string, Entry> = {
  'app/(app)/client/invites/actions.ts#createInviteAction': defineCase({
    kind: 'self',
    reason: "Invites into the caller's own workspace; a workspace id in the form is ignored.",
    rightful: 'victimClient',
    arrange: async () => ({ email: uniqueEmail('new-invitee') }),
    args: (ctx) =>
      formArgs({
        email: ctx.target.email,
        firstName: 'Sam',
        lastName: 'Park',
        message: 'Hello!',
        ...offerFields('Matrix offer'),
        ...smuggled(ctx),
      }),
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

  'app/(app)/client/invites/actions.ts#bulkInviteAction': defineCase({
    kind: 'self',
    reason:
      "Sends a list of invites from the caller's own workspace; a workspace id in the form is ignored.",
    rightful: 'victimClient',
    arrange: async () => ({ emails: [uniqueEmail('bulk-a'), uniqueEmail('bulk-b')] }),
    args: (ctx) =>
      formArgs({
        intent: 'send',
        csv: `email,first name,last name\n${ctx.target.emails[0]},Ann,Lee\n${ctx.target.emails[1]},Bo,Chen`,
        ...offerFields('Matrix bulk offer'),
        ...smuggled(ctx),
      }),
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

  'app/(app)/client/invites/actions.ts#editOfferAction': defineCase({
    kind: 'owner',
    reason: 'Only the workspace that sent the invite may change its offer.',
    rightful: 'victimClient',
    arrange: victimInvite,
    args: ({ target }) =>
      formArgs({ inviteId: target.inviteId, ...offerFields('Edited by the matrix') }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/client/invites/${target.inviteId}?notice=edited`);
      const [row] = await world.db
        .select({ title: contracts.title })
        .from(contracts)
        .where(eq(contracts.inviteId, target.inviteId));
      expect(row.title).toBe('Edited by the matrix');
    },
  }),

  'app/(app)/client/invites/actions.ts#resendInviteAction': defineCase({
    kind: 'owner',
    reason: 'Only the workspace that sent the invite may send it again.',
    rightful: 'victimClient',
    arrange: victimInvite,
    args: ({ target }) => formArgs({ inviteId: target.inviteId }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/client/invites/${target.inviteId}?notice=resent`);
      expect((await findInvite(world.db, target.inviteId)).tokenHash).not.toBe(target.tokenHash);
    },
  }),

  'app/(app)/client/invites/actions.ts#revokeInviteAction': defineCase({
    kind: 'owner',
    reason: 'Only the workspace that sent the invite may revoke it.',
    rightful: 'victimClient',
    arrange: victimInvite,
    args: ({ target }) => formArgs({ inviteId: target.inviteId }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/client/invites/${target.inviteId}?notice=revoked`);
      expect((await findInvite(world.db, target.inviteId)).status).toBe('revoked');
    },
  }),

  'app/(app)/client/invites/actions.ts#changeInviteEmailAction': defineCase({
    kind: 'owner',
    reason: 'Only the workspace that sent the invite may send it to another address.',
    rightful: 'victimClient',
    async arrange(world) {
      return { ...(await victimInvite(world)), newEmail: uniqueEmail('corrected') };
    },
    args: ({ target }) => formArgs({ inviteId: target.inviteId, email: target.newEmail }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/client/invites/${target.inviteId}?notice=email-changed`);
      expect((await findInvite(world.db, target.inviteId)).email).toBe(target.newEmail);
    },
  }),

  'app/(app)/admin/compliance/actions.ts#approveCheckAction': defineCase({
    kind: 'admin-only',
    reason:
      'Only ops reviewers decide compliance checks; the freelancer and the client are wrong actors too.',
    rightful: 'admin',
    async arrange(world) {
      const { freelancer, checkId } = await world.submittedCheck();
      return {
        people: { victimFreelancer: freelancer },
        checkId,
        protect: [checkId, freelancer.userId],
      };
    },
    args: ({ target }) => formArgs({ checkId: target.checkId }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/admin/compliance?notice=approved');
      const [row] = await world.db
        .select()
        .from(complianceChecks)
        .where(eq(complianceChecks.id, target.checkId));
      expect(row.status).toBe('approved');
    },
  }),

  'app/(app)/admin/compliance/actions.ts#rejectCheckAction': defineCase({
    kind: 'admin-only',
    reason:
      'Only ops reviewers decide compliance checks; the freelancer and the client are wrong actors too.',
    rightful: 'admin',
    async arrange(world) {
      const { freelancer, checkId } = await world.submittedCheck();
      return {
        people: { victimFreelancer: freelancer },
        checkId,
        protect: [checkId, freelancer.userId],
      };
    },
    args: ({ target }) =>
      formArgs({ checkId: target.checkId, reason: 'The registration document is unreadable.' }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/admin/compliance?notice=rejected');
      const [row] = await world.db
        .select()
        .from(complianceChecks)
        .where(eq(complianceChecks.id, target.checkId));
      expect(row.status).toBe('rejected');
    },
  }),
};
