import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { payoutMethods, withdrawals, withdrawalSchedules } from '@/db/schema';
import { createSimulatedPayoutProvider } from '@/lib/payments/simulated-payouts';
import { generateToken } from '@/lib/security/tokens';
import { requestWithdrawal } from '@/lib/withdrawals/service';
import { actorSignedIn, tokenFromEmail } from '@/tests/helpers/settings-fixtures';
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

  'app/(app)/earnings/withdraw/confirm/actions.ts#confirmWithdrawalAction': defineActionCase({
    actor: 'emailed-link',
    kind: 'token-guarded',
    reason:
      "The link mailed to the account's address for a withdrawal asked for without a recent sign-in. Signed in as another account it is refused; with nobody signed in the link alone records it (the page shows the withdrawal first), so anonymous is not a wrong actor here.",
    rightful: 'victimFreelancer',
    async arrange(world) {
      const { methodId } = await victimWithdrawable(world);
      const stale = await actorSignedIn(world.db, world.victimFreelancer, 60);
      const asked = await requestWithdrawal(
        world.db,
        createSimulatedPayoutProvider(world.db),
        stale,
        {
          payoutMethodId: methodId,
          amountCents: 1_000,
          idempotencyKey: randomUUID(),
        },
      );
      if (asked.ok || asked.reason !== 'confirmation-sent') throw new Error(JSON.stringify(asked));
      const before = await world.db
        .select()
        .from(withdrawals)
        .where(eq(withdrawals.payoutMethodId, methodId));
      return {
        methodId,
        before: before.length,
        token: await tokenFromEmail(world.db, world.victimFreelancer.email, 'withdrawal-confirm'),
      };
    },
    form: ({ target }) => ({ token: target.token }),
    fuzz: { freshEachRun: 'the link works once' },
    wrongForms: [() => ({ token: generateToken() })],
    others: { anonymous: 'skip' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toMatch(
        /^\/(earnings\/withdraw\?notice=requested|sign-in\?notice=withdrawal-confirmed)$/,
      );
      const rows = await world.db
        .select()
        .from(withdrawals)
        .where(eq(withdrawals.payoutMethodId, target.methodId));
      // One withdrawal more, the one the link named.
      expect(rows).toHaveLength(target.before + 1);
      expect(rows.every((r) => r.freelancerId === world.victimFreelancer.userId)).toBe(true);
      expect(rows[rows.length - 1]).toMatchObject({
        amountCents: 1_000,
        feeCents: 0,
      });
    },
  }),
};
