import { and, eq } from 'drizzle-orm';
import { proposals } from '@/db/schema';
import { submitProposal } from '@/lib/proposals/service';
import { insertJobPost, parseProposal } from '@/tests/helpers/proposal-fixtures';
import { redirectedTo } from '@/tests/security/matrix/calls';
import type { World } from '@/tests/security/matrix/world';
import { defineActionCase, type ActionCase } from '../case';

/**
 * A fresh open job of the victim client's. The victim freelancer's earlier proposals are
 * cleared first: arranged before every fuzz run, they would otherwise reach the daily cap.
 */
async function openJob(world: World) {
  await world.db.delete(proposals).where(eq(proposals.freelancerId, world.victimFreelancer.userId));
  return insertJobPost(world.db, world.victimClient.inviter);
}

/** A proposal of the victim freelancer's, still withdrawable. */
async function victimProposal(world: World) {
  const job = await openJob(world);
  const sent = await submitProposal(world.db, {
    freelancerId: world.victimFreelancer.userId,
    input: parseProposal({ jobPostId: job.id }),
  });
  if (!sent.ok) throw new Error(sent.message);
  return { proposalId: sent.proposalId, protect: [sent.proposalId] };
}

/** The freelancer's side of proposals (lib/proposals/service.ts). */
export const PROPOSAL_CASES: Record<string, ActionCase> = {
  'app/(app)/jobs/[id]/propose/actions.ts#submitProposalAction': defineActionCase({
    actor: 'freelancer',
    kind: 'self',
    reason:
      'Sends a proposal as the caller, to a job they may see; a freelancer id in the form is ignored, and a job hidden from them is not found.',
    rightful: 'victimFreelancer',
    arrange: async (world) => ({ jobPostId: (await openJob(world)).id }),
    form: ({ target }) => ({
      jobPostId: String(target.jobPostId),
      coverLetter: '<script>alert(1)</script> I build dashboards.',
      'answers.0': 'Line charts.',
      'answers.1': 'Monday.',
      bidShape: 'hourly',
      hourlyRateDollars: '45',
      estimatedDuration: '1_to_3_months',
    }),
    fuzz: { freshEachRun: 'a job takes one proposal from each freelancer' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toMatch(/^\/proposals\/[0-9a-f-]{36}\?notice=sent$/);
      const rows = await world.db
        .select()
        .from(proposals)
        .where(
          and(
            eq(proposals.jobPostId, String(target.jobPostId)),
            eq(proposals.freelancerId, world.victimFreelancer.userId),
          ),
        );
      // Other freelancers may have proposed to the same job too: their own rows.
      expect(rows).toEqual([
        expect.objectContaining({
          coverLetter: '<script>alert(1)</script> I build dashboards.',
          hourlyRateCents: 4500,
        }),
      ]);
    },
  }),

  'app/(app)/proposals/actions.ts#withdrawProposalAction': defineActionCase({
    actor: 'freelancer',
    kind: 'owner',
    reason:
      "Only the freelancer who sent a proposal may withdraw it; anyone else's id is not found and it stays.",
    rightful: 'victimFreelancer',
    arrange: victimProposal,
    form: ({ target }) => ({ proposalId: target.proposalId }),
    fuzz: { freshEachRun: 'a withdrawn proposal stays withdrawn' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/proposals/${target.proposalId}?notice=withdrawn`);
      const [row] = await world.db
        .select()
        .from(proposals)
        .where(eq(proposals.id, target.proposalId));
      expect(row.status).toBe('withdrawn');
    },
  }),
};
