import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { withdrawals } from '@/db/schema';
import { findActivePayoutMethod } from '@/lib/payouts/queries';
import { recordWithdrawal } from '@/lib/withdrawals/service';
import { selectStripe } from '@/tests/actions/cases/billing';
import { victimWithdrawable } from '@/tests/actions/cases/withdrawals';
import { postRequest, routeArgs, statusOf } from '../calls';
import { defineCase, everyone, type Entry } from '../runner';

const CONNECT_SECRET = 'whsec_matrix_stripe_connect_secret';

/** A POST as Stripe Connect sends it: signed over `target.body` with `secret`, carrying `body`. */
function connectEvent(target: { body: string }, secret?: string, body = target.body) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret) {
    headers['stripe-signature'] = Stripe.webhooks.generateTestHeaderString({
      payload: target.body,
      secret,
    });
  }
  return routeArgs(postRequest('/api/webhooks/stripe-connect', { headers, body }));
}

/** Stripe Connect's payout webhook: the signature is the credential, not a session. */
export const WITHDRAWAL_ROUTE_CASES: Record<string, Entry> = {
  'app/api/webhooks/stripe-connect/route.ts#POST': defineCase({
    kind: 'signature-guarded',
    reason:
      "Stripe calls it with no session: the signature over the raw body, checked by Stripe's SDK against the Connect endpoint's secret, is the credential. Unsigned, wrongly signed or tampered calls change nothing, whoever is signed in.",
    rightful: 'anonymous',
    async arrange(world) {
      const { methodId, protect } = await victimWithdrawable(world);
      await selectStripe(world);
      world.setEnv('STRIPE_CONNECT_WEBHOOK_SECRET', CONNECT_SECRET);
      const who = world.victimFreelancer.userId;
      const method = await findActivePayoutMethod(world.db, who, methodId);
      const recorded = await recordWithdrawal(
        world.db,
        who,
        method!,
        { payoutMethodId: methodId, amountCents: 1_000, idempotencyKey: randomUUID() },
        new Date(),
      );
      if (!recorded.ok) throw new Error(recorded.message);
      const account = `acct_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      const payout = `po_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      await world.db
        .update(withdrawals)
        .set({ status: 'processing', provider: 'stripe', providerRef: `${account}/${payout}` })
        .where(eq(withdrawals.id, recorded.withdrawal.id));
      const body = JSON.stringify({
        id: `evt_${randomUUID().replaceAll('-', '')}`,
        object: 'event',
        type: 'payout.paid',
        account,
        created: Math.floor(Date.now() / 1000),
        data: { object: { id: payout, object: 'payout', status: 'paid', metadata: {} } },
      });
      return { withdrawalId: recorded.withdrawal.id, body, protect };
    },
    args: ({ target }) => connectEvent(target, CONNECT_SECRET),
    wrongArgs: [
      ({ target }) => connectEvent(target),
      ({ target }) => connectEvent(target, 'whsec_not_the_secret_stripe_holds'),
      ({ target }) =>
        connectEvent(
          target,
          CONNECT_SECRET,
          target.body.replace('"status":"paid"', '"status":"failed"'),
        ),
    ],
    others: everyone('skip'),
    async succeeded(outcome, { world, target }) {
      expect(statusOf(outcome)).toBe(200);
      const [row] = await world.db
        .select()
        .from(withdrawals)
        .where(eq(withdrawals.id, target.withdrawalId));
      expect(row.status).toBe('paid');
    },
  }),
};
