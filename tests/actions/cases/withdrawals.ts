import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { payoutMethods, withdrawals, withdrawalSchedules } from '@/db/schema';
import { fundAvailable } from '@/tests/helpers/withdrawal-fixtures';
import { redirectedTo } from '@/tests/security/matrix/calls';
import type { World } from '@/tests/security/matrix/world';
import { defineActionCase, type ActionCase } from '../case';

/**
 * The victim freelancer's US bank account past its hold, and money available: what a
 * withdrawal needs (the world already saved their W-9).
 */
export async function victimWithdrawable(world: World) {
  const who = world.victimFreelancer.userId;
  const [method] = await world.db
    .update(payoutMethods)
    .set({ usableAfter: new Date(Date.now() - 60_000) })
    .where(and(eq(payoutMethods.userId, who), eq(payoutMethods.kind, 'us_bank')))
    .returning({ id: payoutMethods.id });
  // Enough for every fuzz run's $10.
  await fundAvailable(world.db, who, 10_000_000);
  return { methodId: method.id, protect: [method.id] };
}

/** Withdrawing available money (lib/withdrawals). */
export const WITHDRAWAL_CASES: Record<string, ActionCase> = {
  'app/(app)/earnings/withdraw/actions.ts#withdrawAction': defineActionCase({
    actor: 'freelancer',
    kind: 'owner',
    reason:
      "Only the owner of a payout method may withdraw to it; anyone else's method id is not found and nothing moves.",
    rightful: 'victimFreelancer',
    arrange: victimWithdrawable,
    form: ({ target }) => ({
      payoutMethodId: target.methodId,
      amount: '10',
      idempotencyKey: randomUUID(),
    }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toMatch(/^\/earnings\/withdraw\?notice=(requested|paid)$/);
      const rows = await world.db
        .select()
        .from(withdrawals)
        .where(eq(withdrawals.payoutMethodId, target.methodId));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.freelancerId === world.victimFreelancer.userId)).toBe(true);
      expect(rows[rows.length - 1]).toMatchObject({ amountCents: 1_000, feeCents: 0 });
    },
  }),
  'app/(app)/earnings/schedule/actions.ts#saveWithdrawalScheduleAction': defineActionCase({
    actor: 'freelancer',
    kind: 'owner',
    reason:
      "Only the owner of a payout method may schedule withdrawals to it; anyone else's method id is not found and no schedule is saved.",
    rightful: 'victimFreelancer',
    arrange: victimWithdrawable,
    form: ({ target }) => ({
      frequency: 'weekly',
      threshold: '100',
      payoutMethodId: target.methodId,
    }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/earnings/schedule?notice=saved');
      const rows = await world.db
        .select()
        .from(withdrawalSchedules)
        .where(eq(withdrawalSchedules.payoutMethodId, target.methodId));
      expect(rows).toEqual([
        expect.objectContaining({
          freelancerId: world.victimFreelancer.userId,
          frequency: 'weekly',
          thresholdCents: 10_000,
        }),
      ]);
    },
  }),
};
