import { eq } from 'drizzle-orm';
import { emailOutbox, invites, proposals } from '@/db/schema';
import { submitProposal } from '@/lib/proposals/service';
import { daysFromToday } from '@/tests/helpers/invite-fixtures';
import { createJobPost } from '@/tests/helpers/job-post-fixtures';
import { parseProposal } from '@/tests/helpers/proposal-fixtures';
import { createFreelancer } from '@/tests/helpers/settings-fixtures';
import { redirectedTo } from '@/tests/security/matrix/calls';
import type { World } from '@/tests/security/matrix/world';
import { defineActionCase, type ActionCase } from '../case';

const ACTIONS = 'app/(app)/client/jobs/[id]/proposals/actions.ts';

/**
 * A fresh open job post of the victim client's workspace with a proposal from a fresh
 * freelancer. Nothing is shared between calls, so the fuzzer's repeated arranging never
 * meets a duplicate proposal or a pending invite of an earlier run.
 */
async function victimProposal(world: World) {
  const { post } = await createJobPost(world.db, { workspace: world.victimClient.inviter });
  const freelancer = await createFreelancer(world.db);
  const submitted = await submitProposal(world.db, {
    freelancerId: freelancer.userId,
    input: parseProposal({ jobPostId: post.id, answers: [] }),
  });
  if (!submitted.ok) throw new Error(submitted.message);
  return {
    proposalId: submitted.proposalId,
    jobPostId: post.id,
    freelancerEmail: freelancer.email,
    protect: [submitted.proposalId],
  };
}

async function proposalRow(world: World, id: string) {
  const [row] = await world.db.select().from(proposals).where(eq(proposals.id, id));
  return row;
}

const pageOf = (t: { jobPostId: string; proposalId: string }) =>
  `/client/jobs/${t.jobPostId}/proposals/${t.proposalId}`;

/** The client side of proposals (lib/proposals/client.ts, offer.ts): the job's owner only. */
export const PROPOSAL_CLIENT_CASES: Record<string, ActionCase> = {
  [`${ACTIONS}#moveProposalAction`]: defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason:
      "Only the workspace that posted the job sorts its proposals; another's proposal id is not found and stays as it is.",
    rightful: 'victimClient',
    arrange: victimProposal,
    form: ({ target }) => ({ proposalId: target.proposalId, move: 'shortlist' }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`${pageOf(target)}?notice=shortlisted`);
      expect((await proposalRow(world, target.proposalId)).status).toBe('shortlisted');
    },
  }),

  [`${ACTIONS}#declineProposalAction`]: defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason:
      "Only the workspace that posted the job may decline its proposals; another's id is not found and no email goes out.",
    rightful: 'victimClient',
    arrange: victimProposal,
    form: ({ target }) => ({ proposalId: target.proposalId, reason: 'We hired <b>someone</b>' }),
    fuzz: { freshEachRun: 'a declined proposal cannot be declined again' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`${pageOf(target)}?notice=declined`);
      expect(await proposalRow(world, target.proposalId)).toMatchObject({
        status: 'declined',
        declineReason: 'We hired <b>someone</b>',
      });
      const mail = await world.db
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.toAddress, target.freelancerEmail));
      expect(mail.map((m) => m.template)).toEqual(['proposal-declined']);
    },
  }),

  [`${ACTIONS}#sendOfferFromProposalAction`]: defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason:
      "Only the workspace that posted the job may send an offer from its proposals; another's id is not found and no invite is written.",
    rightful: 'victimClient',
    arrange: victimProposal,
    form: ({ target }) => ({
      proposalId: target.proposalId,
      'offer.kind': 'hourly',
      'offer.title': 'Matrix offer from a proposal',
      'offer.description': 'Build the booking page.',
      'offer.startDate': daysFromToday(7),
      'offer.hourlyRateDollars': '45',
      'offer.weeklyLimit': '20',
    }),
    fuzz: { freshEachRun: 'a proposal offered once refuses a second offer' },
    async succeeded(outcome, { world, target }) {
      const row = await proposalRow(world, target.proposalId);
      expect(row.status).toBe('offered');
      expect(redirectedTo(outcome)).toBe(`/client/invites/${row.inviteId}?notice=offered`);
      const [invite] = await world.db.select().from(invites).where(eq(invites.id, row.inviteId!));
      expect(invite).toMatchObject({
        email: target.freelancerEmail,
        workspaceId: world.victimClient.workspaceId,
      });
    },
  }),
};
