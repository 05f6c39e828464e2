import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { contracts, invoices, milestones, milestoneStates } from '@/db/schema';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import { addSimulatedCard } from '@/tests/helpers/billing-fixtures';
import { acceptedContract, uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import { redirectedTo } from '@/tests/security/matrix/calls';
import type { World } from '@/tests/security/matrix/world';
import { defineActionCase, type ActionCase } from '../case';

/**
 * An active fixed-price contract of the victim client (two milestones) and a simulated card
 * as the victim's default: what a client needs to fund a milestone or pay a bonus.
 */
export async function victimFixedContract(world: World) {
  world.setEnv('PAYMENTS_PROVIDER', 'simulated');
  const inviter = world.victimClient.inviter;
  const card = await addSimulatedCard(
    world.db,
    createSimulatedProvider(world.db),
    inviter,
    '4242 4242 4242 4242',
  );
  if (!card.ok) throw new Error(card.message);
  const made = await acceptedContract(world.db, inviter, uniqueEmail('maker'), { kind: 'fixed' });
  await world.db
    .update(contracts)
    .set({ status: 'active' })
    .where(eq(contracts.id, made.contractId));
  const [first] = await world.db
    .select({ id: milestones.id })
    .from(milestones)
    .where(eq(milestones.contractId, made.contractId))
    .orderBy(asc(milestones.position));
  return {
    contractId: made.contractId,
    milestoneId: first.id,
    protect: [made.contractId, first.id],
  };
}

/** Funding milestones and paying bonuses (lib/milestones). */
export const MILESTONE_CASES: Record<string, ActionCase> = {
  'app/(app)/contracts/[id]/milestones/[milestoneId]/actions.ts#fundMilestoneAction':
    defineActionCase({
      actor: 'client',
      kind: 'owner',
      reason:
        "Only the contract's own client workspace may fund its milestones; anyone else's ids are not found.",
      rightful: 'victimClient',
      arrange: victimFixedContract,
      form: ({ target }) => ({
        contractId: target.contractId,
        milestoneId: target.milestoneId,
        amount: '500',
      }),
      async succeeded(outcome, { world, target }) {
        expect(redirectedTo(outcome)).toBe(
          `/contracts/${target.contractId}/milestones/${target.milestoneId}?notice=processing`,
        );
        const [state] = await world.db
          .select()
          .from(milestoneStates)
          .where(eq(milestoneStates.milestoneId, target.milestoneId));
        expect(state.status).toBe('funding');
      },
    }),

  'app/(app)/contracts/[id]/bonus/actions.ts#payBonusAction': defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason: "Only the contract's own client workspace may pay a bonus on it.",
    rightful: 'victimClient',
    async arrange(world) {
      const { contractId, protect } = await victimFixedContract(world);
      return { contractId, requestId: randomUUID(), protect };
    },
    form: ({ target }) => ({
      contractId: target.contractId,
      requestId: target.requestId,
      amount: '25',
      message: 'Thank you!',
    }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/contracts/${target.contractId}/bonus?notice=processing`);
      const [invoice] = await world.db
        .select()
        .from(invoices)
        .where(eq(invoices.id, target.requestId));
      expect(invoice).toMatchObject({ kind: 'bonus', grossCents: 2_500 });
    },
  }),
};
