import { eq } from 'drizzle-orm';
import { contracts } from '@/db/schema';
import { milestoneStatus, victimMilestone } from '@/tests/helpers/milestone-world';
import { redirectedTo } from '@/tests/security/matrix/calls';
import { defineActionCase, type ActionCase } from '../case';

const END = 'app/(app)/contracts/[id]/end/actions.ts';

/** Ending a contract (lib/contract-ending). */
export const CONTRACT_ENDING_CASES: Record<string, ActionCase> = {
  [`${END}#endContractAction`]: defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason:
      'Only the client of the contract ends it (findContractForViewer in the service, then side client); another client gets the answer of an unknown id, and the freelancer is refused.',
    rightful: 'victimClient',
    // A funded fixed-price contract: ending it also files the milestone's refund request.
    arrange: (world) => victimMilestone(world, 'funded'),
    form: ({ target }) => ({ contractId: target.contractId, message: 'The project is over.' }),
    fuzz: { freshEachRun: 'a contract ends once: a second call finds it ended' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/contracts/${target.contractId}?notice=ended`);
      const [row] = await world.db
        .select()
        .from(contracts)
        .where(eq(contracts.id, target.contractId));
      expect(row).toMatchObject({ status: 'ended', endMessage: 'The project is over.' });
      expect(await milestoneStatus(world, target.milestoneId)).toBe('refund_requested');
    },
  }),
};
