import { eq } from 'drizzle-orm';
import { proposals } from '@/db/schema';
import { submitProposal } from '@/lib/proposals/service';
import { insertJobPost } from '@/tests/helpers/job-post-fixtures';
import { parseProposal } from '@/tests/helpers/proposal-fixtures';
import { redirectedTo } from '@/tests/security/matrix/calls';
import type { World } from '@/tests/security/matrix/world';
import { defineActionCase, type ActionCase } from '../case';

/**
 * A fresh open job of the victim client's. The victim freelancer's earlier proposals are
 * cleared first: arranged before every fuzz run, they would otherwise reach the daily cap.
 */
export async function openJob(world: World) {
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

/**
 * The freelancer's side of proposals (lib/proposals/service.ts). Sending one posts its files
 * to a route handler: tests/security/matrix/cases/proposal-routes.ts.
 */
export const PROPOSAL_CASES: Record<string, ActionCase> = {
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
